"""A screen reader's view of one program, read over AT-SPI with pyatspi (run by the system
Python, /usr/bin/python3, on the session bus in DBUS_SESSION_BUS_ADDRESS). Prints JSON.

    atspi_readback.py tree PID                 every node: role, name, description, states, actions, path
    atspi_readback.py press PID PATH ACTION    do a node's action (PATH: child indexes, e.g. 0.3.1)
    atspi_readback.py watch PID SECONDS        the events a screen reader hears, one JSON line each,
                                               for SECONDS (it prints "listening" first)
"""

import json
import sys

import pyatspi

MAX_DEPTH = 60
WATCHED = ("object:state-changed:showing", "object:state-changed:selected", "object:announcement")


def application(pid: int):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def describe(node, path: list[int]) -> dict:
    try:
        action = node.queryAction()
        actions = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        actions = []
    return {"role": node.getRoleName(), "name": node.name, "description": node.description,
            "states": sorted(pyatspi.stateToString(s) for s in node.getState().getStates()),
            "actions": actions, "path": ".".join(map(str, path))}


def tree(node, path=None):
    path = path or []
    if node is None or len(path) > MAX_DEPTH:
        return
    yield describe(node, path)
    for index in range(node.childCount):
        yield from tree(node.getChildAtIndex(index), [*path, index])


def at_path(node, path: str):
    for index in (int(part) for part in path.split(".") if part):
        node = node.getChildAtIndex(index)
    return node


def press(node, name: str) -> None:
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index(name))


def watch(pid: int, seconds: float) -> None:
    from gi.repository import GLib

    def heard(event) -> None:
        source = event.source
        try:
            if source is None or source.get_process_id() != pid:
                return
            role, name = source.getRoleName(), source.name
        except Exception:  # the object went away meanwhile
            return
        print(json.dumps({"type": event.type, "detail1": event.detail1, "role": role, "name": name,
                          "text": str(event.any_data) if isinstance(event.any_data, str) else ""}), flush=True)

    for kind in WATCHED:
        pyatspi.Registry.registerEventListener(heard, kind)
    GLib.timeout_add(int(seconds * 1000), pyatspi.Registry.stop)
    print(json.dumps("listening"), flush=True)
    pyatspi.Registry.start()


def main(command: str, pid: str, *args: str) -> None:
    if command == "watch":
        watch(int(pid), float(args[0]))
        return
    app = application(int(pid))
    if app is None:
        print(json.dumps(None))
    elif command == "tree":
        print(json.dumps(list(tree(app)), ensure_ascii=False))
    elif command == "press":
        press(at_path(app, args[0]), args[1])
        print(json.dumps(True))


if __name__ == "__main__":
    main(*sys.argv[1:])
