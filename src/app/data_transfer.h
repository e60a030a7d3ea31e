// Moving data in and out: the plan as an iCalendar file, and every stored row as JSON
// for backup and for moving machines (export, then import into an empty store, then
// export again gives the same bytes).
#ifndef BACKSTRIDE_APP_DATA_TRANSFER_H_
#define BACKSTRIDE_APP_DATA_TRANSFER_H_

#include <string>
#include <string_view>

#include "app/training.h"
#include "base/result.h"
#include "base/units.h"

namespace backstride {

class Store;

// The plan as an RFC 5545 calendar: one all-day event per session, with stable UIDs
// (date, kind and order in the day), so importing a newer export updates the events
// instead of adding copies. `dtstamp_utc` is "YYYYMMDDTHHMMSSZ".
std::string PlanToIcs(const ActivePlan& active, DistanceUnit units, std::string_view dtstamp_utc);

// Every setting, assessment, plan and log entry, as JSON.
Result<std::string> ExportData(Store& store);

struct DataImportSummary {
  int assessments = 0;
  int plans = 0;
  int log_entries = 0;
  int settings = 0;
};

// Reads an export into the store in one transaction. The store must be empty unless
// `replace` is set, which deletes what is there first. Fails with kInvalidArgument
// naming the first bad field ("log[3].kind: ..."); then nothing changes.
Result<DataImportSummary> ImportData(Store& store, std::string_view json_text, bool replace);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_DATA_TRANSFER_H_
