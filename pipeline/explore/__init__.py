"""Exploration helpers shared by the notebooks and `make figures`.

``data`` loads the processed tables, ``summaries`` turns them into small
DataFrames, ``charts`` draws those as matplotlib Figures and ``figures``
saves the charts as PNG. Notebooks only call these, so whatever they show
is tested and reproducible from the command line.
"""
