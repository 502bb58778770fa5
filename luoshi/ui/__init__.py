"""What every page shares and no app owns: template tags (`{% load ui %}`).

The base layout and the shared includes stay in luoshi/templates/. Models and
actions do not belong here; the app has none.
"""
