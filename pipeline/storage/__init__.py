"""Object storage (s3://, gs:// and other fsspec URLs) for ``--input``, ``--work`` and ``--output``.

The driver keeps local copies of the inputs and of the work folder's small
files (``pipeline.storage.mirror``); with the work folder on a store, the
chunk files stay there and every task fetches what it reads and puts what it
writes, one put per object (``pipeline.storage.remote``), so workers need no
disk of the driver's; the table set is published with a pointer put last
(``pipeline.storage.tables``). See the README's "Running on a cluster".
"""
