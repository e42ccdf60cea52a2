"""``cfn-codegen update-spec`` and ``cfn-codegen diff``: keep ``specs/`` current.

``sources`` (AWS's URLs by region) -> ``download`` (HTTP with retries, limits,
conditional requests) -> ``verify`` (integrity and structure of what came) ->
``diff`` / ``report`` (what changed, what breaks) -> ``commit`` (the journaled
replacement of the files in ``specs/``); ``command`` runs them in that order.
"""
