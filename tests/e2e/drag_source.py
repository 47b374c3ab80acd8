"""A small GTK window offering files as a drag source (text/uri-list), for the end-to-end
test's real native drop: xdotool presses the mouse on it and releases it over Courtier's window,
which receives Tauri's drag-drop event with the files' absolute paths.

    python3 drag_source.py FILE... X Y   # the window's top-left corner at (X, Y); several
                                         # files are dropped together, as one drop

Prints "ready" once the window is mapped; quits after a drop (or after 120 s).
"""

import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import GLib, Gdk, Gtk  # noqa: E402


def main():
    paths, x, y = sys.argv[1:-2], int(sys.argv[-2]), int(sys.argv[-1])
    uris = [GLib.filename_to_uri(p, None) for p in paths]
    win = Gtk.Window(title="courtier-drag-source")
    win.set_default_size(120, 80)
    win.move(x, y)
    box = Gtk.EventBox()
    box.add(Gtk.Label(label="scan"))
    win.add(box)
    box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
    box.drag_source_add_uri_targets()

    def data_get(_widget, _context, data, _info, _time):
        data.set_uris(uris)

    box.connect("drag-data-get", data_get)
    box.connect("drag-end", lambda *_: GLib.timeout_add(500, Gtk.main_quit))
    win.connect("map-event", lambda *_: (print("ready", flush=True), False)[1])
    win.connect("destroy", Gtk.main_quit)
    GLib.timeout_add_seconds(120, Gtk.main_quit)
    win.show_all()
    Gtk.main()


if __name__ == "__main__":
    main()
