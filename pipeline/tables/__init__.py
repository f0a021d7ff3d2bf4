"""Stage 4: the Parquet tables that notebooks and BI tools read.

``schemas`` declares every table, ``build`` turns records into Arrow tables,
``stage`` reads the work folder and writes the files, and ``dictionary``
renders the schemas as a Markdown data dictionary.
"""
