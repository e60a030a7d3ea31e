// The program's texts: complete, written afresh, and attached to the right routes.
#include "content/content.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/assess.h"
#include "core/plan.h"
#include "core/questionnaire.h"
#include "test_support/shared_data.h"

namespace backstride {
namespace {

const Content& Builtin() {
  auto content = LoadBuiltinContent();
  EXPECT_TRUE(content.has_value()) << content.error().message;
  return **content;
}

TEST(Content, BuiltinContentIsCompleteAndNonEmpty) {
  const Content& content = Builtin();
  EXPECT_FALSE(content.disclaimer.empty());
  EXPECT_EQ(content.advice.size(), kAdviceCount);
  for (AdviceId id : kAllAdvice) {
    const TextItem* item = content.Advice(id);
    ASSERT_NE(item, nullptr) << AdviceIdName(id);
    EXPECT_FALSE(item->title.empty());
    EXPECT_GT(item->text.size(), 80u) << "advice " << item->id << " says too little";
    EXPECT_FALSE(item->why.empty());
  }
  for (const char* id : {"emergency", "see_doctor", "see_clinician"}) {
    ASSERT_NE(content.Safety(id), nullptr) << id;
  }
  for (const Question& question : AllQuestions()) {
    const QuestionText* text = content.Question(question.id);
    ASSERT_NE(text, nullptr) << question.id;
    EXPECT_EQ(text->choices.size(), question.choices.size()) << question.id;
  }
}

TEST(Content, EveryTipOfTheArticleHasAnItem) {
  // DESIGN 2.2: one item per point of the article, by stable id.
  const std::set<std::string> expected = {"why_new",
                                          "why_returning",
                                          "why_seasoned",
                                          "shorten_runs",
                                          "strength_squat_deadlift",
                                          "sprint_training",
                                          "rebuild_gradually",
                                          "seek_treatment",
                                          "maintenance_treatment",
                                          "rest_or_reduce",
                                          "rehab_anterior_posterior",
                                          "return_short_fast",
                                          // on the rehab route, treatment within the programme
                                          "treatment_with_rehab",
                                          // DESIGN 2.1a: after a recent jump in training
                                          "drop_back_load"};
  std::set<std::string> ids;
  for (const TextItem& item : Builtin().advice) ids.insert(item.id);
  EXPECT_EQ(ids, expected);
}

TEST(Content, EachRouteGetsTheArticlesAdviceForItsSituation) {
  auto ids = [](Route route) {
    std::vector<std::string> names;
    for (AdviceId id : AdviceFor(route)) names.emplace_back(AdviceIdName(id));
    return names;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids(Route::kNewRunner),
            (V{"why_new", "shorten_runs", "strength_squat_deadlift", "sprint_training"}));
  EXPECT_EQ(ids(Route::kReturningRunner), (V{"why_returning", "rebuild_gradually", "shorten_runs",
                                             "strength_squat_deadlift", "sprint_training"}));
  EXPECT_EQ(ids(Route::kSeasonedTreatment),
            (V{"why_seasoned", "rest_or_reduce", "seek_treatment", "maintenance_treatment"}));
  EXPECT_EQ(ids(Route::kSeasonedRehab),
            (V{"why_seasoned", "rest_or_reduce", "rehab_anterior_posterior", "return_short_fast",
               "sprint_training", "treatment_with_rehab"}));
  EXPECT_EQ(ids(Route::kSeeClinician), (V{"rest_or_reduce"}));
  EXPECT_TRUE(ids(Route::kEmergency).empty());
  EXPECT_TRUE(ids(Route::kSeeDoctor).empty());
}

// Lower-case words, punctuation dropped, for comparing phrasing.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '\'') {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::set<std::string> Shingles(std::string_view text, std::size_t length) {
  const auto words = Words(text);
  std::set<std::string> shingles;
  for (std::size_t i = 0; i + length <= words.size(); ++i) {
    std::string shingle;
    for (std::size_t j = i; j < i + length; ++j) shingle += words[j] + " ";
    shingles.insert(shingle);
  }
  return shingles;
}

TEST(Content, NoSentenceOfTheArticleIsCopied) {
  const auto path = testing::SharedDir() / "seed" / "running-and-back-pain.txt";
  BACKSTRIDE_REQUIRE_SHARED(path,
                            "checking no sentence of the seed article (not ours to copy "
                            "into the project) was copied into the content");
  std::ifstream file(path);
  ASSERT_TRUE(file) << path;
  std::stringstream article;
  article << file.rdbuf();
  // Six words in a row in the same order is copying, not sharing a fact.
  constexpr std::size_t kRun = 6;
  const auto article_shingles = Shingles(article.str(), kRun);
  ASSERT_GT(article_shingles.size(), 500u);
  const auto ours = Shingles(BuiltinContentJson(), kRun);
  for (const std::string& shingle : ours) {
    EXPECT_EQ(article_shingles.count(shingle), 0u) << "copied from the article: " << shingle;
  }
}

TEST(ParseContent, RejectsContentWithAGap) {
  auto document = nlohmann::json::parse(BuiltinContentJson());
  ASSERT_TRUE(ParseContent(document.dump()).has_value());

  auto missing_item = document;
  missing_item["advice"].erase(3);
  auto result = ParseContent(missing_item.dump());
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("shorten_runs"), std::string::npos);

  auto empty_why = document;
  empty_why["safety"][0]["why"] = "";
  EXPECT_FALSE(ParseContent(empty_why.dump()).has_value());

  auto unlabelled_choice = document;
  for (auto& question : unlabelled_choice["questions"]) {
    if (question["id"] == "pain.timing") question["choices"].erase("constant");
  }
  EXPECT_FALSE(ParseContent(unlabelled_choice.dump()).has_value());

  EXPECT_FALSE(ParseContent("not json").has_value());
}

// Every kind of reason the core gives has a template, and every warning sign a meaning;
// a key the program never asks for is a typo, not a spare.
TEST(ParseContent, ChecksTheReasons) {
  const auto document = nlohmann::json::parse(BuiltinContentJson());
  for (ReasonKind kind : kAllReasonKinds) {
    ASSERT_NE(Builtin().reasons.find(ReasonKindId(kind)), Builtin().reasons.end())
        << ReasonKindId(kind);
  }
  for (RedFlag flag : kAllRedFlags) ASSERT_NE(Builtin().SignMeaning(flag), nullptr);

  auto missing = document;
  missing["reasons"].erase("severe_pain");
  auto result = ParseContent(missing.dump());
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("severe_pain"), std::string::npos);

  auto no_meaning = document;
  no_meaning["reasons"].erase("meaning.cancer_history");
  result = ParseContent(no_meaning.dump());
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("cancer_history"), std::string::npos);

  auto unknown = document;
  unknown["reasons"]["severe_pian"] = "Typo.";
  result = ParseContent(unknown.dump());
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("severe_pian"), std::string::npos);

  auto empty = document;
  empty["reasons"]["seasoned"] = "";
  EXPECT_FALSE(ParseContent(empty.dump()).has_value());

  auto none = document;
  none.erase("reasons");
  EXPECT_FALSE(ParseContent(none.dump()).has_value());
}

// Every exercise a plan can hold has its four how-to cues (DESIGN 3.1b); content that
// drops one exercise's cues, or gives three, or leaves the exercise out, does not load,
// and the message names the exercise.
TEST(ParseContent, RejectsAnExerciseWithoutItsFourCues) {
  auto document = nlohmann::json::parse(BuiltinContentJson());
  ASSERT_TRUE(document["exercises"].is_array());
  ASSERT_GE(document["exercises"].size(), 2u);
  for (const std::string_view id : AllExerciseIds()) {
    SCOPED_TRACE(std::string(id));
    bool found = false;
    for (const auto& exercise : document["exercises"]) found = found || exercise["id"] == id;
    EXPECT_TRUE(found) << "the content has no how-to for " << id;
  }
  const auto index_of = [&](std::string_view id) {
    std::size_t i = 0;
    while (i < document["exercises"].size() && document["exercises"][i]["id"] != id) ++i;
    return i;
  };
  ASSERT_FALSE(AllExerciseIds().empty());
  for (const std::string_view wanted : {AllExerciseIds().front(), AllExerciseIds().back()}) {
    const std::string id(wanted);
    SCOPED_TRACE(id);
    const std::size_t i = index_of(id);
    ASSERT_LT(i, document["exercises"].size());
    const auto named = [&](const nlohmann::json& changed) {
      auto result = ParseContent(changed.dump());
      ASSERT_FALSE(result.has_value());
      EXPECT_EQ(result.error().code, ErrorCode::kCorruption);
      EXPECT_NE(result.error().message.find(id), std::string::npos) << result.error().message;
    };

    auto no_cues = document;
    no_cues["exercises"][i].erase("cues");
    named(no_cues);

    auto three = document;
    three["exercises"][i]["cues"].erase(3);
    named(three);
    EXPECT_NE(ParseContent(three.dump()).error().message.find("four"), std::string::npos);

    auto five = document;
    five["exercises"][i]["cues"].push_back("And one more.");
    named(five);

    auto blank = document;
    blank["exercises"][i]["cues"][2] = "";
    named(blank);

    auto not_text = document;
    not_text["exercises"][i]["cues"][1] = 7;
    named(not_text);

    auto left_out = document;
    left_out["exercises"].erase(i);
    named(left_out);
  }
}

TEST(Assess, EveryRouteCarriesTheDisclaimerAndItsTexts) {
  Answers answers;
  answers.age = 30;
  answers.history.months_running = 3;
  answers.pain.worst = 3;
  for (Route route : kAllRoutes) {
    Answers a = answers;
    switch (route) {
      case Route::kEmergency:
        a.Set(RedFlag::kSaddleNumbness, true);
        break;
      case Route::kSeeDoctor:
        a.Set(RedFlag::kCancerHistory, true);
        break;
      case Route::kSeeClinician:
        a.pain.worst = 9;
        break;
      case Route::kReturningRunner:
        a.history = {24, 6, 0};
        break;
      case Route::kNewRunner:
        break;
      case Route::kSeasonedRehab:
        a.history.months_running = 60;
        a.pain.treatment_sessions = 4;
        a.pain.treatment_helped = false;
        break;
      case Route::kSeasonedTreatment:
        a.history.months_running = 60;
        break;
    }
    auto assessment = Assess(a);
    ASSERT_TRUE(assessment.has_value());
    ASSERT_EQ(assessment->triage.route, route);
    EXPECT_FALSE(assessment->disclaimer.empty());
    EXPECT_EQ(assessment->route.id, RouteId(route));
    EXPECT_EQ(assessment->safety.has_value(), !LeadsToPlan(route)) << RouteId(route);
    EXPECT_EQ(assessment->advice.size(), AdviceFor(route).size());

    const auto json = nlohmann::json::parse(AssessmentToJson(*assessment));
    EXPECT_EQ(json["route"], RouteId(route));
    EXPECT_EQ(json["disclaimer"], assessment->disclaimer);
    EXPECT_TRUE(json["red_flags"].is_array());
    EXPECT_FALSE(json["reasons"].empty());
    EXPECT_EQ(assessment->reasons.size(), assessment->triage.reasons.size());
    for (const auto& reason : json["reasons"]) {
      EXPECT_FALSE(reason["text"].get<std::string>().empty()) << RouteId(route);
    }
    for (const auto& item : json["advice"]) {
      EXPECT_TRUE(item.contains("id") && item.contains("title") && item.contains("text"));
    }
  }
}

}  // namespace
}  // namespace backstride
