#include "core/questionnaire.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/thresholds.h"

namespace backstride {
namespace {

using namespace thresholds;

constexpr std::array<std::string_view, 5> kLocationChoices = {"lower_back", "mid_back",
                                                              "upper_back", "buttock", "other"};
constexpr std::array<std::string_view, 4> kTimingChoices = {"during", "after", "during_and_after",
                                                            "constant"};
constexpr std::array<std::string_view, 3> kLegChoices = {"none", "above_knee", "below_knee"};
constexpr std::array<std::string_view, 3> kImprovingChoices = {"better", "same", "worse"};

Question Make(std::string_view id, QuestionKind kind) {
  Question question;
  question.id = id;
  question.kind = kind;
  return question;
}
Question Flag(std::string_view id, bool emergency) {
  Question question = Make(id, QuestionKind::kYesNoUnsure);
  question.warning_sign = true;
  question.red_flag = true;
  question.stops_if_yes = emergency;
  return question;
}
// A warning sign outside the red-flag screen (bone stress): "not sure" kept, no stop.
Question Sign(std::string_view id) {
  Question question = Make(id, QuestionKind::kYesNoUnsure);
  question.warning_sign = true;
  return question;
}
Question Duration(std::string_view id, TimeUnit unit, int max) {
  Question question = Make(id, QuestionKind::kDuration);
  question.unit = unit;
  question.max = max;
  return question;
}
Question Whole(std::string_view id, int min, int max) {
  Question question = Make(id, QuestionKind::kWholeNumber);
  question.min = min;
  question.max = max;
  return question;
}
Question Choice(std::string_view id, std::span<const std::string_view> choices) {
  Question question = Make(id, QuestionKind::kChoice);
  question.choices = choices;
  return question;
}
Question Decimal(std::string_view id, int max) {
  Question question = Make(id, QuestionKind::kDecimal);
  question.max = max;
  question.optional = true;
  return question;
}

const std::vector<Question>& Questions() {
  static const std::vector<Question> questions = {
      Flag("red_flags.saddle_numbness", true),
      Flag("red_flags.bladder_or_bowel_change", true),
      Flag("red_flags.leg_weakness_worsening", true),
      Flag("red_flags.sexual_function_change", true),
      Flag("red_flags.both_legs", true),
      Flag("red_flags.sudden_severe_pain_faint", true),
      Flag("red_flags.major_trauma", true),
      // Before the other signs: they set how soon a doctor is needed (DESIGN 2.1a).
      Choice("pain.location", kLocationChoices),
      Choice("pain.timing", kTimingChoices),
      Choice("pain.improving", kImprovingChoices),
      Flag("red_flags.fever_or_unwell", false),
      Flag("red_flags.cancer_history", false),
      Flag("red_flags.unexplained_weight_loss", false),
      Flag("red_flags.recent_fall_or_impact", false),
      Flag("red_flags.night_pain_no_relief", false),
      Flag("red_flags.osteoporosis_or_steroids", false),
      Flag("red_flags.infection_risk", false),
      Whole("age", kMinAge, kMaxAge),
      Make("pain.first_episode", QuestionKind::kYesNo),
      Choice("pain.leg_symptoms", kLegChoices),
      Make("pain.numbness_or_tingling", QuestionKind::kYesNo),
      Whole("pain.worst", kMinPainScore, kMaxPainScore),
      Duration("pain.weeks", TimeUnit::kWeeks, kMaxWeeks),
      Decimal("pain.onset_minutes", static_cast<int>(kMaxOnsetMinutes)),
      Decimal("pain.onset_km", static_cast<int>(kMaxOnsetKm)),
      Duration("history.months_running", TimeUnit::kMonths, kMaxMonths),
      Duration("history.break_months", TimeUnit::kMonths, kMaxMonths),
      Duration("history.months_since_return", TimeUnit::kMonths, kMaxMonths),
      Make("history.recent_increase", QuestionKind::kYesNo),
      Sign("bone_stress.hop_pain"),
      Sign("bone_stress.risk"),
      // NICE NG65's features: asked only when the pain could be inflammatory back pain.
      Make("inflammatory.began_before_35", QuestionKind::kYesNo),
      Make("inflammatory.wakes_second_half_night", QuestionKind::kYesNo),
      Make("inflammatory.buttock_pain", QuestionKind::kYesNo),
      Make("inflammatory.better_with_movement", QuestionKind::kYesNo),
      Make("inflammatory.nsaid_relief", QuestionKind::kYesNo),
      Make("inflammatory.family_history", QuestionKind::kYesNo),
      Make("inflammatory.related_condition", QuestionKind::kYesNo),
      Make("inflammatory.morning_stiffness", QuestionKind::kYesNo),
      Whole("pain.treatment_sessions", 0, kMaxTreatmentSessions),
      Make("pain.treatment_helped", QuestionKind::kYesNoUnsure),
  };
  return questions;
}

std::string Normalize(std::string_view typed) {
  std::string text;
  for (char c : typed) text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

std::optional<bool> YesNo(std::string_view text) {
  if (text == "y" || text == "yes") return true;
  if (text == "n" || text == "no") return false;
  return std::nullopt;
}

// Strips a trailing unit the runner may type out of habit ("1.5 km", "6 min").
std::string_view WithoutUnit(std::string_view text) {
  for (std::string_view unit : {"minutes", "mins", "min", "km"}) {
    if (text.size() > unit.size() && text.ends_with(unit)) {
      text.remove_suffix(unit.size());
      while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
      return text;
    }
  }
  return text;
}

template <typename Number>
std::optional<Number> ParseNumber(std::string_view text) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Error Retry(std::string message) { return Error::InvalidArgument(std::move(message)); }

// Days in each unit; a month is the calendar's average, so 12 months make a year.
constexpr double kDaysPerWeek = 7;
constexpr double kDaysPerYear = 365.25;
constexpr double kDaysPerMonth = kDaysPerYear / 12;

double Days(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays:
      return 1;
    case TimeUnit::kWeeks:
      return kDaysPerWeek;
    case TimeUnit::kMonths:
      return kDaysPerMonth;
    case TimeUnit::kYears:
      return kDaysPerYear;
  }
  return 1;
}

struct UnitWord {
  std::string_view word;
  TimeUnit unit;
};
// What people type after the number, singular and plural and short.
constexpr std::array<UnitWord, 17> kUnitWords = {{
    {"d", TimeUnit::kDays},
    {"day", TimeUnit::kDays},
    {"days", TimeUnit::kDays},
    {"w", TimeUnit::kWeeks},
    {"wk", TimeUnit::kWeeks},
    {"wks", TimeUnit::kWeeks},
    {"week", TimeUnit::kWeeks},
    {"weeks", TimeUnit::kWeeks},
    {"m", TimeUnit::kMonths},
    {"mo", TimeUnit::kMonths},
    {"month", TimeUnit::kMonths},
    {"months", TimeUnit::kMonths},
    {"y", TimeUnit::kYears},
    {"yr", TimeUnit::kYears},
    {"yrs", TimeUnit::kYears},
    {"year", TimeUnit::kYears},
    {"years", TimeUnit::kYears},
}};

std::string_view UnitName(TimeUnit unit, bool one) {
  switch (unit) {
    case TimeUnit::kDays:
      return one ? "day" : "days";
    case TimeUnit::kWeeks:
      return one ? "week" : "weeks";
    case TimeUnit::kMonths:
      return one ? "month" : "months";
    case TimeUnit::kYears:
      return one ? "year" : "years";
  }
  return "";
}

// A number as people write it: at most two decimals, no trailing zeros ("1.4", "18").
std::string NumberText(double value) {
  char buffer[64];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  if (error != std::errc()) return "?";
  std::string text(buffer, end);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

// A duration as typed: the number and the unit (the question's when none was typed).
struct TypedDuration {
  double amount = 0;
  TimeUnit unit = TimeUnit::kMonths;
};

std::optional<TypedDuration> ReadDuration(const Question& question, std::string text) {
  std::replace(text.begin(), text.end(), ',', '.');  // "1,5" as written in much of Europe
  if (text == "none" || text == "no" || text == "never") return TypedDuration{0, question.unit};
  std::size_t split = 0;
  while (split < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[split])) || text[split] == '.')) {
    ++split;
  }
  const auto amount = ParseNumber<double>(std::string_view(text).substr(0, split));
  if (!amount || !std::isfinite(*amount)) return std::nullopt;
  std::string_view word = std::string_view(text).substr(split);
  while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
  if (word.empty()) return TypedDuration{*amount, question.unit};
  for (const auto& [name, unit] : kUnitWords) {
    if (word == name) return TypedDuration{*amount, unit};
  }
  return std::nullopt;
}

// The duration in the question's unit, as recorded: months to a tenth, weeks whole.
double InQuestionUnit(const Question& question, const TypedDuration& typed) {
  const double value = typed.amount * Days(typed.unit) / Days(question.unit);
  if (question.unit == TimeUnit::kWeeks) return std::round(value);
  return std::round(value * 10) / 10;
}

std::string DurationHelp(const Question& question) {
  if (question.unit == TimeUnit::kWeeks) {
    return "Please type a number of weeks, such as 3, or say it another way: \"10 days\", "
           "\"2 months\".";
  }
  return "Please type a number of months, such as 18 or 2.5, or say it another way: "
         "\"6 weeks\", \"1.5 years\".";
}

}  // namespace

std::span<const Question> AllQuestions() { return Questions(); }

Result<Reply> ParseReply(const Question& question, std::string_view typed) {
  std::string text = Normalize(typed);
  switch (question.kind) {
    case QuestionKind::kYesNo:
      if (auto answer = YesNo(text)) return *answer;
      return Fail(Retry("Please answer yes or no."));
    case QuestionKind::kYesNoUnsure:
      if (auto answer = YesNo(text)) return *answer;
      if (text == "not sure" || text == "unsure" || text == "?" || text == "don't know" ||
          text == "dont know") {
        if (question.warning_sign) return std::string("unsure");
        return Reply{};
      }
      return Fail(Retry("Please answer yes, no, or not sure."));
    case QuestionKind::kDuration: {
      const auto duration = ReadDuration(question, text);
      if (!duration) return Fail(Retry(DurationHelp(question)));
      const double value = InQuestionUnit(question, *duration);
      if (value < 0 || value > question.max) {
        return Fail(Retry("That is more than " + std::to_string(question.max) + " " +
                          std::string(UnitName(question.unit, false)) +
                          "; please check the number."));
      }
      if (question.unit == TimeUnit::kWeeks) return static_cast<int>(value);
      return value;
    }
    case QuestionKind::kWholeNumber: {
      const std::string allowed = "Please type a whole number from " +
                                  std::to_string(question.min) + " to " +
                                  std::to_string(question.max) + ".";
      const auto number = ParseNumber<int>(text);
      if (!number || *number < question.min || *number > question.max) return Fail(Retry(allowed));
      return *number;
    }
    case QuestionKind::kDecimal: {
      if (text.empty() || text == "skip") {
        if (question.optional) return Reply{};
        return Fail(Retry("Please type a number."));
      }
      std::replace(text.begin(), text.end(), ',', '.');  // "1,5" as written in much of Europe
      const auto number = ParseNumber<double>(WithoutUnit(text));
      if (!number || !(*number > 0) || *number > question.max) {
        return Fail(Retry("Please type a number greater than 0 and at most " +
                          std::to_string(question.max) + ", or press Enter to skip."));
      }
      return *number;
    }
    case QuestionKind::kChoice: {
      if (const auto index = ParseNumber<int>(text)) {
        if (*index >= 1 && static_cast<std::size_t>(*index) <= question.choices.size()) {
          return std::string(question.choices[static_cast<std::size_t>(*index) - 1]);
        }
      }
      std::replace(text.begin(), text.end(), ' ', '_');
      for (std::string_view choice : question.choices) {
        if (text == choice) return std::string(choice);
      }
      return Fail(Retry("Please type the number of one of the choices (1 to " +
                        std::to_string(question.choices.size()) + ")."));
    }
  }
  return Fail(Retry("Unknown question kind."));
}

std::optional<Conversion> ConversionOf(const Question& question, std::string_view typed) {
  if (question.kind != QuestionKind::kDuration) return std::nullopt;
  const auto duration = ReadDuration(question, Normalize(typed));
  if (!duration || duration->unit == question.unit) return std::nullopt;
  if (!ParseReply(question, typed)) return std::nullopt;
  return Conversion{duration->amount, duration->unit, InQuestionUnit(question, *duration),
                    question.unit};
}

std::string ConversionText(const Conversion& conversion) {
  return NumberText(conversion.typed) + " " +
         std::string(UnitName(conversion.typed_unit, conversion.typed == 1)) + " = " +
         NumberText(conversion.value) + " " +
         std::string(UnitName(conversion.unit, conversion.value == 1));
}

Questionnaire::Questionnaire() { current_ = NextApplicable(0); }

bool Questionnaire::Applies(const Question& question) const {
  const auto positive = [this](std::string_view id) {
    const Reply* reply = ReplyFor(id);
    if (reply == nullptr) return false;
    if (const int* whole = std::get_if<int>(reply)) return *whole > 0;
    if (const double* number = std::get_if<double>(reply)) return *number > 0;
    return false;
  };
  if (question.id == "history.months_since_return") return positive("history.break_months");
  if (question.id == "pain.treatment_helped") return positive("pain.treatment_sessions");
  if (question.id.starts_with("inflammatory.")) {
    // NG65 1.1.1: pain for 13 weeks or more that began before 45. Otherwise the features
    // cannot lead to the notice, so they are not asked (and recorded as no).
    const Reply* weeks = ReplyFor("pain.weeks");
    const Reply* age = ReplyFor("age");
    if (weeks == nullptr || age == nullptr || !std::holds_alternative<int>(*weeks) ||
        !std::holds_alternative<int>(*age)) {
      return false;
    }
    const int pain_weeks = std::get<int>(*weeks);
    const double onset_age = std::get<int>(*age) - static_cast<double>(pain_weeks) / kWeeksPerYear;
    return pain_weeks >= kInflammatoryMinWeeks && onset_age < kInflammatoryOnsetBeforeAge;
  }
  return true;
}

std::size_t Questionnaire::NextApplicable(std::size_t from) const {
  const auto& questions = Questions();
  while (from < questions.size() && !Applies(questions[from])) ++from;
  return from;
}

const Question* Questionnaire::Current() const {
  if (stopped_ || current_ >= Questions().size()) return nullptr;
  return &Questions()[current_];
}

void Questionnaire::Record(Reply reply) {
  const Question* question = Current();
  if (question == nullptr) return;
  if (question->stops_if_yes && std::holds_alternative<bool>(reply) && std::get<bool>(reply)) {
    stopped_ = true;
  }
  replies_[std::string(question->id)] = std::move(reply);
  asked_.push_back(current_);
  current_ = NextApplicable(current_ + 1);
  // The last red-flag question answered: a sign set decides the route on its own.
  const auto& questions = Questions();
  const bool signs_over = std::none_of(
      questions.begin() + static_cast<std::ptrdiff_t>(std::min(current_, questions.size())),
      questions.end(), [](const Question& q) { return q.red_flag; });
  if (question->red_flag && signs_over && AnyRedFlagSet(RedFlagsSoFar())) stopped_ = true;
}

bool Questionnaire::Back() {
  if (asked_.empty()) return false;
  current_ = asked_.back();
  asked_.pop_back();
  stopped_ = false;
  return true;
}

std::size_t Questionnaire::Total() const {
  std::size_t total = 0;
  for (const Question& question : Questions()) total += Applies(question) ? 1 : 0;
  return total;
}

const Reply* Questionnaire::ReplyFor(std::string_view id) const {
  const auto it = replies_.find(id);
  return it == replies_.end() ? nullptr : &it->second;
}

RedFlagAnswers Questionnaire::RedFlagsSoFar() const {
  RedFlagAnswers flags{};
  for (RedFlag flag : kAllRedFlags) {
    const Reply* reply = ReplyFor("red_flags." + std::string(RedFlagId(flag)));
    if (reply == nullptr) continue;
    FlagAnswer& answer = flags[static_cast<std::size_t>(flag)];
    if (const bool* yes = std::get_if<bool>(reply))
      answer = *yes ? FlagAnswer::kYes : FlagAnswer::kNo;
    if (std::holds_alternative<std::string>(*reply)) answer = FlagAnswer::kUnsure;
  }
  return flags;
}

ScreenContext Questionnaire::ContextSoFar() const {
  ScreenContext context;
  const auto choice = [this](std::string_view id) -> const std::string* {
    const Reply* reply = ReplyFor(id);
    return reply == nullptr ? nullptr : std::get_if<std::string>(reply);
  };
  if (const std::string* id = choice("pain.location")) context.location = PainLocationFromId(*id);
  if (const std::string* id = choice("pain.timing")) context.timing = PainTimingFromId(*id);
  if (const std::string* id = choice("pain.improving")) {
    for (Improving improving : {Improving::kBetter, Improving::kSame, Improving::kWorse}) {
      if (ImprovingId(improving) == *id) context.improving = improving;
    }
  }
  if (const Reply* age = ReplyFor("age"); age != nullptr && std::holds_alternative<int>(*age)) {
    context.age = std::get<int>(*age);
  }
  if (const Reply* first = ReplyFor("pain.first_episode");
      first != nullptr && std::holds_alternative<bool>(*first)) {
    context.first_episode = std::get<bool>(*first);
  }
  return context;
}

Result<Answers> Questionnaire::Finish() const {
  // Build the JSON wire form and check it with the same code as a file of answers, so
  // the two ways in can never disagree on what is valid.
  nlohmann::json document = nlohmann::json::object();
  for (const Question& question : Questions()) {
    const std::string id(question.id);
    const auto dot = id.find('.');
    nlohmann::json& slot =
        dot == std::string::npos ? document[id] : document[id.substr(0, dot)][id.substr(dot + 1)];
    const Reply* reply = Applies(question) ? ReplyFor(id) : nullptr;
    if (reply == nullptr) {
      if (id == "history.months_since_return") slot = 0;
      if (id == "pain.treatment_helped") slot = nullptr;
      if (id.starts_with("inflammatory.")) slot = false;  // could not lead to the notice
      continue;
    }
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            slot = nullptr;
          } else {
            slot = value;
          }
        },
        *reply);
  }
  // Drop the skipped optional onsets rather than sending nulls, and the unanswered slots
  // that operator[] created, so that the checker names what is really missing.
  for (auto& [key, section] : document.items()) {
    if (!section.is_object()) continue;
    for (auto it = section.begin(); it != section.end();) {
      it = it->is_null() && it.key() != "treatment_helped" ? section.erase(it) : std::next(it);
    }
  }
  return ParseAnswers(document.dump());
}

}  // namespace backstride
