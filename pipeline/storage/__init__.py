"""Object storage (s3://, gs:// and other fsspec URLs) for ``--input``, ``--work`` and ``--output``.

A run on URLs is staged through local folders: the driver downloads the inputs
and the work folder, the stages run on the local copies as they do on local
paths (every engine, the same code), and the driver uploads each changed work
file and the new table set with one put per object (``pipeline.storage.mirror``,
``pipeline.storage.tables``). See the README's "Running on a cluster".
"""
