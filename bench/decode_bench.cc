// Times backstride's decoders (or a bare pugixml parse, the floor for any XML decoder
// that builds a tree) over a list of files, one file at a time as an importer reads them.
//
// Usage: decode_bench MODE LIST_FILE
//   MODE: fit | gpx | tcx | pugixml-gpx | pugixml-tcx
//   LIST_FILE: one path a line (repeat lines to make the input bigger)
// Prints one line: "<mode> bytes=<n> points=<n> seconds=<s>".
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "activity/decode.h"
#include "base/memory.h"

namespace {

// Counts elements named `name` (any prefix) in the tree, the points of a GPX or TCX file.
std::size_t CountElements(const pugi::xml_node& node, const char* name) {
  std::size_t count = 0;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    const char* local = std::strchr(child.name(), ':');
    if (std::strcmp(local ? local + 1 : child.name(), name) == 0) ++count;
    count += CountElements(child, name);
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: decode_bench fit|gpx|tcx|pugixml-gpx|pugixml-tcx LIST_FILE\n");
    return 2;
  }
  backstride::KeepFreedMemoryForReuse();  // as the backstride binary does
  const std::string mode = argv[1];
  std::ifstream list(argv[2]);
  std::vector<std::string> paths;
  for (std::string line; std::getline(list, line);) {
    if (!line.empty()) paths.push_back(line);
  }
  std::size_t bytes = 0, points = 0, failed = 0;
  std::vector<char> buffer;  // reused: one allocation for the whole run
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& path : paths) {
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    buffer.resize(static_cast<std::size_t>(file.tellg()));
    file.seekg(0);
    file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    bytes += buffer.size();
    if (mode.starts_with("pugixml")) {
      pugi::xml_document document;
      if (!document.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_minimal)) {
        ++failed;
        continue;
      }
      points += CountElements(document, mode == "pugixml-gpx" ? "trkpt" : "Trackpoint");
      continue;
    }
    const auto decoded = backstride::DecodeActivityFile(
        path, std::span(reinterpret_cast<const std::uint8_t*>(buffer.data()), buffer.size()));
    if (!decoded) {
      ++failed;
      continue;
    }
    points += decoded->points;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s bytes=%zu points=%zu seconds=%.3f failed=%zu\n", mode.c_str(), bytes, points,
              seconds, failed);
  return 0;
}
