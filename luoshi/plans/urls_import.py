"""Plan import routes (filled in by the import module)."""

urlpatterns: list = []
