// The addresses at which a phone on the same network can reach this computer, and which
// peers are this computer itself.
#ifndef BACKSTRIDE_SERVER_LAN_ADDRESSES_H_
#define BACKSTRIDE_SERVER_LAN_ADDRESSES_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backstride::server {

struct InterfaceAddress {
  std::string interface;  // "wlan0"
  std::string address;    // "192.168.1.20"
};

// The IPv4 addresses of this computer's network interfaces that are up, loopback's left
// out (getifaddrs(3)). Empty when there are none or the system will not say.
std::vector<InterfaceAddress> InterfaceAddresses();

// The addresses to offer a phone, best first: a home network's private ranges
// (192.168/16, then 10/8, then 172.16/12) before any other; the bridges that containers
// and virtual machines make (docker0, br-…, virbr…, veth…) after those; link-local
// (169.254/16) and loopback addresses left out, since a phone cannot use them.
std::vector<std::string> RankLanAddresses(std::span<const InterfaceAddress> addresses);

// Whether a peer's address ("127.0.0.1", "::1", "::ffff:127.0.0.1") is this computer's
// loopback, so the request comes from a program on this computer.
bool IsLoopbackAddress(std::string_view address);

// Whether `host` ("0.0.0.0", "::") listens on every address of this computer.
bool IsWildcardAddress(std::string_view host);

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_LAN_ADDRESSES_H_
