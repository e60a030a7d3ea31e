#include "cli/text_wrap.h"

#include <gtest/gtest.h>

namespace backstride::cli {
namespace {

TEST(Wrap, BreaksAtWordsWithinTheWidth) {
  EXPECT_EQ(Wrap("one two three four", 9), "one two\nthree\nfour\n");
  EXPECT_EQ(Wrap("one two three", 20, "  ", "- "), "- one two three\n");
  EXPECT_EQ(Wrap("aa bb cc", 5, "  ", "- "), "- aa\n  bb\n  cc\n");
}

TEST(Wrap, CountsCharactersNotBytes) {
  // "≥" is three bytes but one column.
  EXPECT_EQ(Wrap("≥≥≥≥ ≥≥≥≥", 9), "≥≥≥≥ ≥≥≥≥\n");
  EXPECT_EQ(Columns("0–10"), 4u);
}

TEST(Wrap, KeepsOverlongWordsWhole) {
  EXPECT_EQ(Wrap("a verylongword b", 5), "a\nverylongword\nb\n");
}

TEST(Wrap, EmptyTextGivesOneLine) { EXPECT_EQ(Wrap("", 10, "", "> "), "> \n"); }

}  // namespace
}  // namespace backstride::cli
