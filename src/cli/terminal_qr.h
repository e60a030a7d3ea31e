// A QR code drawn with characters, for a phone's camera to read off the terminal.
#ifndef BACKSTRIDE_CLI_TERMINAL_QR_H_
#define BACKSTRIDE_CLI_TERMINAL_QR_H_

#include <string>
#include <string_view>

#include "base/result.h"

namespace backstride::cli {

// `text` as a QR code (libqrencode, error correction M), two rows of modules a line with
// the half-block characters ▀ ▄ █, and a quiet zone of 4 light modules around it. With
// `colours`, every line is drawn black on white with ANSI escapes, so it reads the same
// on a dark terminal; without, ink is dark and paper light, as in a file. Fails with
// kInvalidArgument if the text is too long for a QR code.
Result<std::string> TerminalQrCode(std::string_view text, bool colours);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_TERMINAL_QR_H_
