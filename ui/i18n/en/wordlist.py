TEXT = {
    "wordlist.header": "Your own word list",
    "wordlist.using_names": "In use: the US baby names ({words:,} names, vocabulary V = {vocab}).",
    "wordlist.using_upload": "In use: your list `{name}` ({words:,} words, vocabulary V = {vocab}).",
    "wordlist.dropped_one": " 1 line with other characters was left out.",
    "wordlist.dropped": " {n:,} lines with other characters were left out.",
    "wordlist.too_long_one": " 1 line longer than {max} letters was left out.",
    "wordlist.too_long": " {n:,} lines longer than {max} letters were left out.",
    "wordlist.upload": "Train on your own words instead (.txt, one word per line)",
    "wordlist.upload_help": (
        "A plain-text file (UTF-8) with one word per line, e.g. Italian first names; at least {min} words, "
        "at most {mb} MB. Letters only: accented letters such as è or ò are fine, digits, spaces and "
        "punctuation are not. Capitals become lowercase; lines longer than {max_len} letters are left out. "
        "The vocabulary V is '.' plus the letters your words use."
    ),
    "wordlist.restore": "Use the US names again",
    "wordlist.not_in_link": (
        "An uploaded list is not part of the page's link: whoever opens a link you share sees the US names. "
        "It stays yours while this browser tab is open, on every page that trains."
    ),
    "wordlist.lost": (
        "This page's link was made with an uploaded word list that the server no longer has (it restarted, "
        "or the link comes from another browser tab), so the page now uses {showing}. Upload the list again "
        "to train on it."
    ),
    "wordlist.lost.names": "the US baby names (V = 27)",
    "wordlist.lost.upload": "your list `{name}` (V = {vocab})",
    "wordlist.still_using": "Nothing was changed: the list in use is still the one above.",
    # -- what is wrong with a file ------------------------------------------------------------
    "wordlist.error.empty": "`{name}` is empty: it has no words. Put one word per line and upload it again.",
    "wordlist.error.binary": (
        "`{name}` is not a text file (it looks like an image, a PDF or a Word document). Save your list as "
        "plain text (.txt), one word per line."
    ),
    "wordlist.error.not_utf8": (
        "`{name}` is not saved as UTF-8 text, so its letters cannot be read. In your editor choose "
        '"Save as…" with the encoding UTF-8, then upload it again.'
    ),
    "wordlist.error.too_large": "`{name}` is too large: {size:,} bytes, and the limit is {mb} MB ({limit:,} bytes). Upload a shorter list.",
    "wordlist.error.too_few": (
        "`{name}` has only {n:,} words{dropped}: at least {min} are needed, so that the 80/10/10 split "
        "still leaves words to validate and test on."
    ),
    "wordlist.error.too_few_one": (
        "`{name}` has only 1 word{dropped}: at least {min} are needed, so that the 80/10/10 split "
        "still leaves words to validate and test on."
    ),
    "wordlist.error.too_few_none": "`{name}` has no words left{dropped}: at least {min} are needed.",
    "wordlist.error.after": " (after leaving out {lines})",
    "wordlist.lines.bad_one": "1 line with other characters",
    "wordlist.lines.bad": "{n:,} lines with other characters",
    "wordlist.lines.long_one": "1 line longer than {max} letters",
    "wordlist.lines.long": "{n:,} lines longer than {max} letters",
    "wordlist.and": " and ",
    "wordlist.error.too_many_letters": (
        "The words of `{name}` use more than {max} different letters: too many for this small model. "
        "Use words from one alphabet."
    ),
    "wordlist.error.bad_chars_one": (
        "1 line of `{name}` has characters other than letters (a digit, a space, punctuation or '.'). "
        "Fix it and upload the file again, or leave that line out:"
    ),
    "wordlist.error.bad_chars": (
        "{n:,} lines of `{name}` have characters other than letters (digits, spaces, punctuation or '.'). "
        "Fix them and upload the file again, or leave those lines out. The first ones:"
    ),
    "wordlist.col.line": "line",
    "wordlist.col.text": "text",
    "wordlist.more_lines": "…and {n:,} more.",
    "wordlist.drop_one": "Drop the 1 line with other characters",
    "wordlist.drop": "Drop the {n:,} lines with other characters",
    # -- on the pages --------------------------------------------------------------------------
    "wordlist.data_caption": (
        "Data: your word list `{name}`, {words:,} words, {examples:,} training examples, vocabulary of "
        "{vocab} characters ('.' and {letters}). Change it in the sidebar."
    ),
    "wordlist.letters_one": "1 letter",
    "wordlist.letters": "{n:,} letters",
    "wordlist.loss_note": (
        "Your word list has V = {v} characters, so a network that knows nothing should start at "
        "−ln(1/{v}) = {loss:.4f}. The metrics and charts below use your list; the text still quotes the "
        "lecture's names (V = 27, 3.2958)."
    ),
}
