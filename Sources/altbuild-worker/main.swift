import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

// `altbuild-worker scan|inject --deck PATH [--expect SHA256] ...` parses or
// rewrites one deck, prints the answer as JSON (`WorkerMessages`) and exits:
// one process per step, for `inspect`, the review page, and anyone running
// it by hand. `altbuild-worker serve [--memory-limit BYTES]` is the same
// worker kept alive by a build's pool, answering framed requests on stdin
// until stdin ends (`WorkerServer`). Either way a crash or hang in libxml2
// or libzip costs the deck being handled, and the parent sees it.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "serve" { WorkerServer.run(arguments) }
let (status, answer) = OneShotRequest.answer(arguments)
FileIO.writeAll(STDOUT_FILENO, String(decoding: answer, as: UTF8.self))
exit(status)
