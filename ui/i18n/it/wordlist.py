TEXT = {
    "wordlist.header": "La tua lista di parole",
    "wordlist.using_names": "In uso: i nomi di neonati statunitensi ({words:,} nomi, vocabolario V = {vocab}).",
    "wordlist.using_upload": "In uso: la tua lista `{name}` ({words:,} parole, vocabolario V = {vocab}).",
    "wordlist.dropped_one": " È stata esclusa 1 riga con altri caratteri.",
    "wordlist.dropped": " Sono state escluse {n:,} righe con altri caratteri.",
    "wordlist.too_long_one": " È stata esclusa 1 riga più lunga di {max} lettere.",
    "wordlist.too_long": " Sono state escluse {n:,} righe più lunghe di {max} lettere.",
    "wordlist.upload": "Addestra sulle tue parole (.txt, una parola per riga)",
    "wordlist.upload_help": (
        "Un file di testo semplice (UTF-8) con una parola per riga, per esempio nomi di persona italiani; "
        "almeno {min} parole, al massimo {mb} MB. Solo lettere: quelle accentate come è o ò vanno bene, "
        "cifre, spazi e punteggiatura no. Le maiuscole diventano minuscole; le righe più lunghe di {max_len} "
        "lettere vengono escluse. Il vocabolario V è '.' più le lettere usate dalle tue parole."
    ),
    "wordlist.restore": "Torna ai nomi statunitensi",
    "wordlist.not_in_link": (
        "Una lista caricata non fa parte del link della pagina: chi apre un link che condividi vede i nomi "
        "statunitensi. Resta attiva finché questa scheda del browser è aperta, su ogni pagina che addestra."
    ),
    "wordlist.lost": (
        "Il link di questa pagina è stato creato con una lista di parole caricata che il server non ha più "
        "(è stato riavviato, o il link viene da un'altra scheda del browser), quindi la pagina ora usa "
        "{showing}. Carica di nuovo la lista per addestrare su di essa."
    ),
    "wordlist.lost.names": "i nomi di neonati statunitensi (V = 27)",
    "wordlist.lost.upload": "la tua lista `{name}` (V = {vocab})",
    "wordlist.still_using": "Non è cambiato nulla: la lista in uso è ancora quella indicata sopra.",
    # -- cosa non va in un file -----------------------------------------------------------------
    "wordlist.error.empty": "`{name}` è vuoto: non contiene parole. Scrivi una parola per riga e caricalo di nuovo.",
    "wordlist.error.binary": (
        "`{name}` non è un file di testo (sembra un'immagine, un PDF o un documento Word). Salva la lista "
        "come testo semplice (.txt), una parola per riga."
    ),
    "wordlist.error.not_utf8": (
        "`{name}` non è salvato come testo UTF-8, quindi le sue lettere non si possono leggere. Nel tuo "
        'editor scegli "Salva con nome…" con la codifica UTF-8, poi caricalo di nuovo.'
    ),
    "wordlist.error.too_large": "`{name}` è troppo grande: {size:,} byte, e il limite è {mb} MB ({limit:,} byte). Carica una lista più corta.",
    "wordlist.error.too_few": (
        "`{name}` contiene solo {n:,} parole{dropped}: ne servono almeno {min}, perché la divisione 80/10/10 "
        "lasci qualche parola per la validazione e il test."
    ),
    "wordlist.error.too_few_one": (
        "`{name}` contiene una sola parola{dropped}: ne servono almeno {min}, perché la divisione 80/10/10 "
        "lasci qualche parola per la validazione e il test."
    ),
    "wordlist.error.too_few_none": "`{name}` non contiene più nessuna parola{dropped}: ne servono almeno {min}.",
    "wordlist.error.after": " (dopo aver escluso {lines})",
    "wordlist.lines.bad_one": "1 riga con altri caratteri",
    "wordlist.lines.bad": "{n:,} righe con altri caratteri",
    "wordlist.lines.long_one": "1 riga più lunga di {max} lettere",
    "wordlist.lines.long": "{n:,} righe più lunghe di {max} lettere",
    "wordlist.and": " e ",
    "wordlist.error.too_many_letters": (
        "Le parole di `{name}` usano più di {max} lettere diverse: troppe per questo piccolo modello. "
        "Usa parole di un solo alfabeto."
    ),
    "wordlist.error.bad_chars_one": (
        "Una riga di `{name}` contiene caratteri che non sono lettere (una cifra, uno spazio, punteggiatura "
        "o '.'). Correggila e ricarica il file, oppure escludi quella riga:"
    ),
    "wordlist.error.bad_chars": (
        "{n:,} righe di `{name}` contengono caratteri che non sono lettere (cifre, spazi, punteggiatura o "
        "'.'). Correggile e ricarica il file, oppure escludi quelle righe. Ecco le prime:"
    ),
    "wordlist.col.line": "riga",
    "wordlist.col.text": "testo",
    "wordlist.more_lines": "…e altre {n:,}.",
    "wordlist.drop_one": "Escludi la riga con altri caratteri",
    "wordlist.drop": "Escludi le {n:,} righe con altri caratteri",
    # -- sulle pagine ----------------------------------------------------------------------------
    "wordlist.data_caption": (
        "Dati: la tua lista `{name}`, {words:,} parole, {examples:,} esempi di addestramento, vocabolario di "
        "{vocab} caratteri ('.' e {letters}). Puoi cambiarla nella barra laterale."
    ),
    "wordlist.letters_one": "1 lettera",
    "wordlist.letters": "{n:,} lettere",
    "wordlist.loss_note": (
        "La tua lista ha V = {v} caratteri, quindi una rete che non sa nulla dovrebbe partire da "
        "−ln(1/{v}) = {loss:.4f}. Le metriche e i grafici qui sotto usano la tua lista; il testo cita ancora "
        "i nomi della lezione (V = 27, 3,2958)."
    ),
}
