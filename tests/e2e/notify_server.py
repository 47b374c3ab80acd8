"""A desktop notification service for the end-to-end tests: it owns
org.freedesktop.Notifications on the session bus (the private one of run.sh) and writes each
notification it receives as one JSON line {"summary", "body", "app"} to FILE, so a test sees
what Courtier really sent to the system.

    python3 notify_server.py FILE      # prints "ready" once the name is owned

Ends when its standard input closes (the test keeps a pipe open) or after 600 s.
"""

import json
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>
"""


def main():
    out = sys.argv[1]
    loop = GLib.MainLoop()
    counter = [0]
    node = Gio.DBusNodeInfo.new_for_xml(XML)

    def call(_conn, _sender, _path, _iface, method, params, invocation):
        if method == "Notify":
            app, _replaces, _icon, summary, body = params.unpack()[:5]
            with open(out, "a", encoding="utf-8") as f:
                f.write(json.dumps({"app": app, "summary": summary, "body": body}, ensure_ascii=False) + "\n")
            counter[0] += 1
            invocation.return_value(GLib.Variant("(u)", (counter[0],)))
        elif method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["body"],)))
        elif method == "GetServerInformation":
            invocation.return_value(GLib.Variant("(ssss)", ("courtier-e2e", "courtier", "1", "1.2")))
        else:
            invocation.return_value(None)

    def acquired(conn, _name):
        conn.register_object("/org/freedesktop/Notifications", node.interfaces[0], call, None, None)

    def owned(_conn, _name):
        print("ready", flush=True)

    def lost(_conn, _name):
        print("name not acquired", flush=True)
        loop.quit()

    Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.Notifications",
                     Gio.BusNameOwnerFlags.NONE, acquired, owned, lost)
    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.HUP | GLib.IOCondition.IN, lambda *_: (loop.quit(), False)[1])
    GLib.timeout_add_seconds(600, lambda: (loop.quit(), False)[1])
    loop.run()


if __name__ == "__main__":
    main()
