#include "server/pair_page.h"

#include <string_view>

#include "content/content.h"

namespace backstride::server {
namespace {

std::string Text(std::string_view id, const MessageValues& values = {}) {
  const auto content = LoadBuiltinContent();
  if (!content) return "{" + std::string(id) + "}";
  return (*content)->Message(id, values);
}

std::string Escaped(std::string_view text) {
  std::string html;
  for (const char c : text) {
    switch (c) {
      case '&':
        html += "&amp;";
        break;
      case '<':
        html += "&lt;";
        break;
      case '>':
        html += "&gt;";
        break;
      case '"':
        html += "&quot;";
        break;
      default:
        html += c;
    }
  }
  return html;
}

// Its own colours for light and dark, each with a contrast of 7:1 or more.
constexpr std::string_view kStyle =
    ":root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--accent:#1d5e20;--on-accent:#fff;"
    "--problem:#b3261e;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',"
    "sans-serif;line-height:1.5}"
    "@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ececec;--accent:#8fd18f;"
    "--on-accent:#0b1f0b;--problem:#f2b8b5}}"
    "body{margin:0;padding:1.5rem 1rem;background:var(--bg);color:var(--fg)}"
    "main{max-width:32rem;margin:0 auto}h1{font-size:1.5rem;line-height:1.25}"
    ".problem{border-left:4px solid var(--problem);padding:.25rem .75rem}"
    "label{display:block;font-weight:600;margin-top:1rem}"
    "input{font:inherit;font-size:1.25rem;letter-spacing:.1em;padding:.5rem;width:12ch;"
    "text-transform:lowercase;background:var(--bg);color:var(--fg);border:2px solid var(--fg);"
    "border-radius:6px}"
    "button{font:inherit;font-weight:600;margin:.75rem 0;padding:.6rem 1.2rem;min-height:44px;"
    "background:var(--accent);color:var(--on-accent);border:0;border-radius:6px}"
    "a{display:inline-block;padding:.5rem 0;color:var(--accent)}";

}  // namespace

std::string PairPageHtml(PairPage page, std::chrono::seconds code_lifetime) {
  const std::string title = Escaped(Text("pair.title"));
  std::string html =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"robots\" content=\"noindex\">";
  if (page == PairPage::kPaired) {
    // A page that moves on by itself, not a 303: the request for the app then comes from
    // this site, so the browser sends the SameSite=Strict cookie even when the pairing
    // link was opened from another site.
    html += "<meta http-equiv=\"refresh\" content=\"0; url=/\">";
  }
  html += "<title>" + title + "</title><style>" + std::string(kStyle) +
          "</style></head><body><main><h1>" + title + "</h1>";
  if (page == PairPage::kPaired) {
    html += "<p>" + Escaped(Text("pair.paired")) + "</p><p><a href=\"/\">" +
            Escaped(Text("pair.open")) + "</a></p></main></body></html>\n";
    return html;
  }
  std::string problem;
  switch (page) {
    case PairPage::kWrongCode:
      problem = Text("pair.wrong_code");
      break;
    case PairPage::kNoCode: {
      const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(code_lifetime);
      problem = Text("pair.no_code", {{"minutes", std::to_string(minutes.count())}});
      break;
    }
    case PairPage::kTooManyWrongCodes:
      problem = Text("pair.too_many");
      break;
    default:
      break;
  }
  if (!problem.empty()) html += "<p class=\"problem\" role=\"alert\">" + Escaped(problem) + "</p>";
  html += "<p>" + Escaped(Text("pair.not_paired")) + "</p><p>" + Escaped(Text("pair.how")) +
          "</p><form method=\"get\" action=\"/pair\"><label for=\"code\">" +
          Escaped(Text("pair.code_label")) +
          "</label><input id=\"code\" name=\"code\" required maxlength=\"24\" "
          "autocomplete=\"one-time-code\" autocapitalize=\"none\" autocorrect=\"off\" "
          "spellcheck=\"false\" enterkeyhint=\"go\"><br><button type=\"submit\">" +
          Escaped(Text("pair.submit")) + "</button></form><p><a href=\"/\">" +
          Escaped(Text("pair.already")) + "</a></p></main></body></html>\n";
  return html;
}

std::string NotPairedMessage() { return Text("pair.api_refused"); }

}  // namespace backstride::server
