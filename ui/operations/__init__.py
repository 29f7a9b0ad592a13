"""What the window runs in the background: thin functions over the core.

Each function names the lane and the core call; the callable never touches a
widget, and the callbacks (run on the GUI thread by `ui.tasks`) do.
"""
