"""Stage 4: the Parquet tables that notebooks and BI tools read.

``schemas`` declares every table, ``build`` turns records into Arrow tables,
``stage`` streams the work folder's chunks (read and checked by
``pipeline.workfolder``) into the files, ``layout`` decides
whether a table is one file or a hive-partitioned folder, ``duckdb_model``
writes the DuckDB database of views for ODBC and JDBC clients, and
``dictionary`` renders the schemas as a Markdown data dictionary.
"""
