// The built front end, embedded in the binary at build time (cmake/EmbedWeb.cmake).
// The server looks paths up in this table and never touches the file system, so no
// request can reach a file outside it.
#ifndef BACKSTRIDE_SERVER_STATIC_FILES_H_
#define BACKSTRIDE_SERVER_STATIC_FILES_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace backstride::server {

struct StaticFile {
  std::string_view path;          // "/index.html", "/assets/index-3f2a.js"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::span<const unsigned char> bytes;
};

std::span<const StaticFile> StaticFiles();

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_STATIC_FILES_H_
