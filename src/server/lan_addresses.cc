#include "server/lan_addresses.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace backstride::server {
namespace {

std::optional<std::uint32_t> ParseIpv4(const std::string& address) {
  in_addr parsed{};
  if (inet_pton(AF_INET, address.c_str(), &parsed) != 1) return std::nullopt;
  return ntohl(parsed.s_addr);
}

bool InRange(std::uint32_t address, std::uint32_t network, int prefix) {
  const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  return (address & mask) == network;
}

bool VirtualBridge(std::string_view interface) {
  for (const std::string_view prefix : {"docker", "br-", "virbr", "veth", "lxc", "cni", "podman"}) {
    if (interface.starts_with(prefix)) return true;
  }
  return false;
}

// Lower is better; nothing for an address a phone cannot use.
std::optional<int> Rank(const InterfaceAddress& entry) {
  const auto address = ParseIpv4(entry.address);
  if (!address) return std::nullopt;
  if (InRange(*address, 0x7F000000, 8) || InRange(*address, 0xA9FE0000, 16) ||
      InRange(*address, 0, 8)) {
    return std::nullopt;
  }
  int rank = 3;
  if (InRange(*address, 0xC0A80000, 16)) {
    rank = 0;
  } else if (InRange(*address, 0x0A000000, 8)) {
    rank = 1;
  } else if (InRange(*address, 0xAC100000, 12)) {
    rank = 2;
  }
  return VirtualBridge(entry.interface) ? rank + 10 : rank;
}

}  // namespace

std::vector<InterfaceAddress> InterfaceAddresses() {
  std::vector<InterfaceAddress> found;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return found;
  for (const ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
    if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != AF_INET) continue;
    if ((entry->ifa_flags & IFF_UP) == 0 || (entry->ifa_flags & IFF_LOOPBACK) != 0) continue;
    std::array<char, INET_ADDRSTRLEN> text{};
    const auto* ipv4 = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
    if (inet_ntop(AF_INET, &ipv4->sin_addr, text.data(), text.size()) == nullptr) continue;
    InterfaceAddress address;
    address.interface = entry->ifa_name;
    address.address = text.data();
    found.push_back(address);
  }
  freeifaddrs(list);
  return found;
}

std::vector<std::string> RankLanAddresses(std::span<const InterfaceAddress> addresses) {
  std::vector<std::pair<int, std::string>> ranked;
  for (const InterfaceAddress& entry : addresses) {
    const auto rank = Rank(entry);
    if (!rank) continue;
    const bool seen = std::ranges::any_of(
        ranked, [&entry](const auto& kept) { return kept.second == entry.address; });
    if (!seen) ranked.emplace_back(*rank, entry.address);
  }
  // Stable: addresses of one rank keep the system's order of interfaces.
  std::ranges::stable_sort(ranked, {}, &std::pair<int, std::string>::first);
  std::vector<std::string> best_first;
  for (auto& [rank, address] : ranked) best_first.push_back(std::move(address));
  return best_first;
}

bool IsLoopbackAddress(std::string_view address) {
  if (address == "::1") return true;
  if (address.starts_with("::ffff:")) address.remove_prefix(7);
  return address.starts_with("127.");
}

bool IsWildcardAddress(std::string_view host) {
  return host == "0.0.0.0" || host == "::" || host == "[::]";
}

}  // namespace backstride::server
