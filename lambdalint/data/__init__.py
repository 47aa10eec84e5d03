"""Data the checks need at run time: tables of APIs and types, kept out of the rule logic."""
