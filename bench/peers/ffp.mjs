// fit-file-parser: decode every file of a list, count records.
import { readFileSync } from "node:fs";
import FitParser from "fit-file-parser";

const paths = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
let bytes = 0, points = 0, failed = 0;
const start = process.hrtime.bigint();
for (const path of paths) {
  const buffer = readFileSync(path);
  bytes += buffer.length;
  const parser = new FitParser({ force: true, mode: "list" });
  parser.parse(buffer, (error, data) => {
    if (error) failed++;
    else points += (data.records || []).length;
  });
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`ffp bytes=${bytes} points=${points} seconds=${seconds.toFixed(3)} failed=${failed}`);
