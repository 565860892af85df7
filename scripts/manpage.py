#!/usr/bin/env python3
"""Writes a man page (groff man macros) for a Swift ArgumentParser tool from the tool's own
description of its commands (`TOOL --experimental-dump-help`), so the page never drifts from
the flags the binary takes.

Usage: manpage.py TOOL SECTION > TOOL.SECTION
ArgumentParser's generate-manual plugin does the same, but it builds the whole package in
release mode inside `swift package` (over 20 minutes here while other builds ran); this reads
the binary that is already built, debug or release, in a fraction of a second.
"""
import datetime
import json
import subprocess
import sys


def escape(text):
    """Backslashes and leading dots or quotes would be read as groff requests; characters
    beyond ASCII (the help names Chinese examples: 地区生产总值) become groff's \\[uXXXX]
    escapes, which every groff reads whatever its input encoding."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if ord(c) < 128 else "\\[u{:04X}]".format(ord(c)) for c in text)
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def synopsis_name(argument):
    names = argument.get("names") or []
    longs = [n["name"] for n in names if n["kind"] == "long"]
    shorts = [n["name"] for n in names if n["kind"] == "short"]
    spelled = ["--" + n for n in longs] + ["-" + n for n in shorts]
    if argument["kind"] == "positional":
        return "<" + argument.get("valueName", "value") + ">"
    label = ", ".join(spelled)
    if argument["kind"] == "option":
        label += " <" + argument.get("valueName", "value") + ">"
    return label


def options_section(arguments):
    out = []
    for argument in arguments:
        if not argument.get("shouldDisplay", True):
            continue
        out.append(".TP")
        out.append("\\fB" + escape(synopsis_name(argument)) + "\\fR")
        text = argument.get("abstract", "")
        if "defaultValue" in argument:
            text += " (default: " + argument["defaultValue"] + ")"
        if argument.get("isRepeating"):
            text += " May be repeated."
        out.append(escape(text))
    return out


def command_block(command, path, heading):
    out = [heading + " " + escape(" ".join(path))]
    if command.get("abstract"):
        out.append(escape(command["abstract"]))
    if command.get("discussion"):
        out.append(".PP")
        out.append(escape(command["discussion"]))
    arguments = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    if arguments:
        out.append(".PP")
        out.extend(options_section(arguments))
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            out.extend(command_block(sub, path + [sub["commandName"]], ".SS"))
    return out


def main():
    tool, section = sys.argv[1], sys.argv[2]
    dump = json.loads(subprocess.run([tool, "--experimental-dump-help"], check=True,
                                     capture_output=True, text=True).stdout)
    root = dump["command"]
    name = root["commandName"]
    date = datetime.date.today().isoformat()
    page = [
        '.TH "{}" "{}" "{}" "reportd" "reportd manual"'.format(name.upper(), section, date),
        ".SH NAME",
        escape(name) + " \\- " + escape(root.get("abstract", "")),
        ".SH SYNOPSIS",
        "\\fB" + escape(name) + "\\fR [\\fIoptions\\fR]"
        + (" \\fIsubcommand\\fR ..." if root.get("subcommands") else ""),
        ".SH DESCRIPTION",
        escape(root.get("discussion", root.get("abstract", ""))),
    ]
    arguments = [a for a in root.get("arguments", []) if a.get("shouldDisplay", True)]
    if arguments:
        page.append(".SH OPTIONS")
        page.extend(options_section(arguments))
    subcommands = [s for s in root.get("subcommands", []) if s.get("shouldDisplay", True) and s["commandName"] != "help"]
    if subcommands:
        page.append(".SH COMMANDS")
        for sub in subcommands:
            page.extend(command_block(sub, [name, sub["commandName"]], ".SS"))
    page += [".SH SEE ALSO", "reportd(8), docs/OPERATIONS.md and docs/PROTOCOL.md in the reportd sources"]
    sys.stdout.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
