// The machine description (see machine.h).
#include "reports/machine.h"

#include <sys/utsname.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>

#ifndef EQUILAB_BUILD_TYPE
#define EQUILAB_BUILD_TYPE "unknown"
#endif
#ifndef EQUILAB_COMPILER
#define EQUILAB_COMPILER "unknown"
#endif

namespace equilab::reports {

std::string cpu_model(const std::string& cpuinfo) {
  std::istringstream in(cpuinfo);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string v = line.substr(colon + 1);
    const auto b = v.find_first_not_of(" \t");
    const auto e = v.find_last_not_of(" \t\r");
    return b == std::string::npos ? "unknown" : v.substr(b, e - b + 1);
  }
  return "unknown";
}

Json describe_machine() {
  std::ifstream f("/proc/cpuinfo");
  std::ostringstream text;
  text << f.rdbuf();
  std::string os = "unknown";
  struct utsname u {};
  if (uname(&u) == 0) os = std::string(u.sysname) + " " + u.release + " " + u.machine;
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return Json{{"equilab_machine", 1},
              {"cpu", cpu_model(text.str())},
              {"cores", std::thread::hardware_concurrency()},
              {"compiler", EQUILAB_COMPILER},
              {"build_type", EQUILAB_BUILD_TYPE},
              {"os", os},
              {"date", date}};
}

}  // namespace equilab::reports
