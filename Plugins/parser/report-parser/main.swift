import WorkerKit

WorkerMain.run(ParserPlugin())
