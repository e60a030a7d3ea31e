// Garmin's FIT SDK for JavaScript: decode every file of a list, count record messages.
import { readFileSync } from "node:fs";
import { Decoder, Stream } from "@garmin/fitsdk";

const paths = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
let bytes = 0, points = 0, failed = 0;
const start = process.hrtime.bigint();
for (const path of paths) {
  const buffer = readFileSync(path);
  bytes += buffer.length;
  const decoder = new Decoder(Stream.fromBuffer(buffer));
  const { messages, errors } = decoder.read();
  if (errors.length > 0) failed++;
  points += (messages.recordMesgs || []).length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`fitsdk bytes=${bytes} points=${points} seconds=${seconds.toFixed(3)} failed=${failed}`);
