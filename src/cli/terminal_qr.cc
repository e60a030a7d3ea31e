#include "cli/terminal_qr.h"

// libqrencode (Debian's libqrencode-dev): the encoder the qrencode tool is built on.
#include <qrencode.h>

#include <memory>

namespace backstride::cli {

Result<std::string> TerminalQrCode(std::string_view text, bool colours) {
  const std::string input(text);
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) return Fail(Error::InvalidArgument("too long for a QR code: " + input));
  constexpr int kQuiet = 4;
  const int width = code->width;
  const int side = width + 2 * kQuiet;
  // Bit 0 of each byte is the module's colour: 1 dark.
  const auto dark = [&](int row, int column) {
    row -= kQuiet;
    column -= kQuiet;
    if (row < 0 || column < 0 || row >= width || column >= width) return false;
    return (code->data[row * width + column] & 1) != 0;
  };
  std::string drawn;
  for (int row = 0; row < side; row += 2) {
    if (colours) drawn += "\x1b[30;47m";
    for (int column = 0; column < side; ++column) {
      const bool top = dark(row, column);
      const bool bottom = row + 1 < side && dark(row + 1, column);
      drawn += top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " ");
    }
    if (colours) drawn += "\x1b[0m";
    drawn += '\n';
  }
  return drawn;
}

}  // namespace backstride::cli
