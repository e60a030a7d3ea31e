// Backups: every stored row as JSON, for safekeeping and for moving machines (export,
// then import into an empty store, then export again gives the same bytes).
#ifndef BACKSTRIDE_APP_DATA_TRANSFER_H_
#define BACKSTRIDE_APP_DATA_TRANSFER_H_

#include <string>
#include <string_view>

#include "app/training.h"
#include "base/result.h"
#include "base/units.h"

namespace backstride {

class Store;

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
