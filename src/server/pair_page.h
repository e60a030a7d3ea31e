// The one page a device on the network sees before it is paired: what pairing is, a field
// for the code, and what went wrong with a code tried. Served by the server itself (the
// web app's files are refused until the device is paired), in the words of content.json.
#ifndef BACKSTRIDE_SERVER_PAIR_PAGE_H_
#define BACKSTRIDE_SERVER_PAIR_PAGE_H_

#include <chrono>
#include <string>

namespace backstride::server {

enum class PairPage {
  kNotPaired,          // no code tried: how to pair
  kWrongCode,          // a code tried that is not the one shown
  kNoCode,             // a code tried when none works: used, replaced or expired
  kTooManyWrongCodes,  // the last wrong code allowed: the code shown is spent
  kPaired,             // paired: a link to the app, followed at once
};

// The page as HTML: no script (the server's CSP allows none inline), styles inline, light
// or dark as the device is set. `code_lifetime` is named in the kNoCode text.
std::string PairPageHtml(PairPage page, std::chrono::seconds code_lifetime);

// The message of the API's 403 to a device that is not paired.
std::string NotPairedMessage();

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_PAIR_PAGE_H_
