// ArgumentParser's synchronous entry point: parses, runs the subcommand, maps errors to exit codes.
ReportCtl.main()
