#include "app/export_layouts.h"

namespace backstride {

std::vector<std::unique_ptr<ExportLayout>> ExportLayouts() {
  std::vector<std::unique_ptr<ExportLayout>> layouts;
  layouts.push_back(StravaLayout());
  layouts.push_back(GarminLayout());
  layouts.push_back(AppleHealthLayout());
  return layouts;
}

}  // namespace backstride
