"""Model -> Python source: views, jinja2 templates, black."""
