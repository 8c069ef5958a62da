"""Limits on content files, far above anything real content needs (docs/CONTENT-MODEL.md, "Limits").

A real profile is a few KB, three levels deep, a few hundred values; a long transcript is a few
thousand characters. Past these limits a file is a mistake (a paste gone wrong) or an attack; each is
reported in Chinese at its file and line, never a traceback or a page of 10,000 items.
"""

MAX_BYTES = 2_000_000      # one .yml or .md file
MAX_DEPTH = 10             # nested lists/mappings in one YAML file (a profile needs 3)
MAX_NODES = 20_000         # values in one YAML file
MAX_TEXT = 2_000           # characters in one text value (a summary is a few hundred)
MAX_NAME = 40              # characters in a person's name (the longest transliterated names are about 20)
MAX_TRANSCRIPT = 100_000   # characters in an audio transcript, written inline or in its own file
MAX_LIST_ITEMS = 100       # items in a list of words (specialties, services, tags)
MAX_LIST_ITEM = 200        # characters in one such item, or in an id
MAX_OBJECTS = 500          # items in a list of records (honors, gallery, achievements, a story's workers)
MAX_VOCABULARY = 1_000     # terms in one of site.yml's vocabularies
MAX_REPORTED = 5           # the same mistake repeated: this many one by one, then one line for the rest
