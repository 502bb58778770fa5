"""Background jobs that a person starts and comes back to: a row with a state and progress.

A low layer: it knows people (orgs) and nothing of what a job does. The app that owns
the work (an import, an export) creates the job here, enqueues its own django-tasks task,
and reports progress and the outcome through `luoshi.jobs.actions`.
"""
