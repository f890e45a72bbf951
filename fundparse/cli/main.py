"""``fundparse``: dispatch to a command, and the exit code of whatever happens."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from fundparse.cli.args import (
    DELEGATED,
    EXIT_ERROR,
    EXIT_INTERNAL,
    EXIT_OK,
    ISSUES_URL,
    UsageError,
    build_parser,
    say,
    set_lang,
    t,
)
from fundparse.cli.batch import one_line
from fundparse.cli.commands import cmd_check, cmd_extract, cmd_rules
from fundparse.cli.streams import guard_stdout, output_failure, whole_writes


def _delegate(name: str, argv: list[str]) -> int:
    import importlib

    module_name = DELEGATED[name][0]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name in (module_name, module_name.rpartition(".")[0]):
            raise UsageError(t("cli.missing_module", name=name, module=module_name)) from None
        raise
    return int(module.main(argv) or 0)


def _is_user_error(exc: BaseException) -> bool:
    if isinstance(exc, UsageError):
        return True
    for module, name in (("fundparse.readers", "ReadError"), ("fundparse.config", "ConfigError"),
                         ("fundparse.fx", "RateError")):
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(exc, getattr(loaded, name)):
            return True
    return False


COMMANDS = {"extract": cmd_extract, "check": cmd_check, "rules": cmd_rules}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``fundparse``; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    set_lang(chosen_lang(argv))
    try:
        guard_stdout()
        if argv and argv[0] in DELEGATED:
            return _delegate(argv[0], argv[1:])
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        with whole_writes():
            status = COMMANDS[args.command](args)
            sys.stdout.flush()  # a full disk is told here, not at the interpreter's exit
        return status
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_ERROR)
    except KeyboardInterrupt:
        say(t("cli.interrupted"))
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:
        if output_failure(exc):  # a full disk, a closed stdout: the surroundings, not a bug
            _silence_stdout()
            say(t("cli.cannot_write", reason=output_failure(exc)))
            return EXIT_ERROR
        if _is_user_error(exc):
            problem = " ".join(str(exc).split()) or type(exc).__name__
            say(problem if isinstance(exc, UsageError) else t("cli.user_error", problem=problem))
            return EXIT_ERROR
        if os.environ.get("FUNDPARSE_DEBUG"):
            raise
        say(t("cli.internal", reason=one_line(exc), url=ISSUES_URL))
        return EXIT_INTERNAL


def chosen_lang(argv: list[str]) -> str:
    """The language of the command's words: ``--lang``, else the ``lang`` of the configuration
    (``--config``, else the nearest one above the working folder), else Korean."""
    wanted = _option(argv, "--lang")
    if wanted in ("ko", "en"):
        return wanted
    try:
        from fundparse.config import find_config, load_config

        path = _option(argv, "--config")
        config = load_config(path) if path else find_config(os.getcwd())
        return "en" if getattr(config, "lang", "ko") == "en" else "ko"
    except Exception:  # a broken configuration is reported by the command itself
        return "ko"


def _option(argv: list[str], name: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg[len(name) + 1:]
    return None


def _silence_stdout() -> None:
    """After the reader of a pipe went away (`| head`): no second error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
