# A handler in the package orders imports its helper relatively (from .repository import save): the creation is reported in the helper.
