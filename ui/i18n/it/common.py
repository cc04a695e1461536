TEXT = {
    "common.app_title": "Attivazioni e gradienti, dal vivo",
    "common.notice.bad_param": "L'impostazione `{key}={value}` del link non è valida qui: viene usato il valore predefinito.",
    "common.notice.unknown_param": "L'impostazione `{key}` del link non è riconosciuta da questa pagina ed è stata ignorata.",
    "common.notice.unknown_params": "Il link contiene {n} impostazioni che questa pagina non riconosce, quindi sono state ignorate: {keys}.",
    "common.notice.more": "e altre {n:,}",
    "common.what_to_notice": "Cosa osservare",
    "common.diverged": "{variant}: l'addestramento diverge al passo {step} (la loss diventa NaN/inf). I grafici si fermano a quel passo.",
    "common.training": "Addestramento in corso: {n} reti insieme per {steps:,} passi sulla lista di parole in uso...",
    "common.training_one": "Addestramento in corso: 1 rete per {steps:,} passi sulla lista di parole in uso...",
    "common.training_deep": "Addestramento della rete profonda per {steps:,} passi sulla lista di parole in uso...",
    "common.training_bn": "Addestramento della rete con BatchNorm per {steps:,} passi sulla lista di parole in uso...",
    "common.profiling": "Misura del segnale lungo la profondità per {n} guadagni di inizializzazione...",
    "common.data_caption": "Dati: {words:,} nomi di neonati statunitensi (SSA, 2017), {examples:,} esempi di addestramento, vocabolario di {vocab} caratteri.",
    "common.sidebar_about": (
        "Un compagno interattivo della lezione di Karpathy *makemore part 3: Activations & Gradients, "
        "BatchNorm*. Ogni impostazione è salvata nel link della pagina: copia la barra degli indirizzi per "
        "condividere una vista."
    ),
}
TEXT.update(
    {
        "common.present.toggle": "Modalità presentazione",
        "common.present.help": "Per il proiettore: i comandi si ripiegano, le spiegazioni lunghe spariscono e i grafici "
        "diventano più grandi. Il link la conserva (`present=true`).",
        "common.present.on": "Modalità presentazione: i comandi sono ripiegati sotto ⚙️, le spiegazioni nascoste.",
        "common.present.exit": "Esci dalla modalità presentazione",
        "common.present.controls": "Comandi",
        "common.share.button": "Link a questa vista",
        "common.share.body": "Questo link apre la pagina esattamente come la vedi: ogni impostazione, la lingua e la "
        "modalità presentazione. Selezionalo e copialo, oppure passa sopra il riquadro e clicca l'icona di copia che "
        "compare a destra.",
        "common.export.csv": "Dati (CSV)",
        "common.export.csv_help": "I dati del grafico: {rows:,} righe, una colonna per campo.",
        "common.export.svg": "SVG",
        "common.export.svg_help": "Il grafico come immagine vettoriale, nitida a ogni dimensione (slide, dispense).",
        "common.export.png": "PNG",
        "common.export.png_help": "Il grafico come immagine (risoluzione doppia).",
    }
)
TEXT["common.queued"] = (
    "In fila per l'addestramento: {n} esecuzioni prima della tua, reti di altri studenti. La tua sarà pronta tra {eta}."
)
TEXT["common.queued_one"] = (
    "In fila per l'addestramento: 1 esecuzione prima della tua, reti di un altro studente. La tua sarà pronta tra {eta}."
)
TEXT["common.queued_next"] = "La tua è la prossima in fila per l'addestramento; pronta tra {eta}."
TEXT["common.busy"] = "Il server ha troppo lavoro in coda in questo momento: riprova tra {eta}."
TEXT["common.eta_s"] = "circa {s} s"
TEXT["common.eta_min"] = "circa {m} min"
TEXT["common.stacked"] = " (insieme alle reti di altri studenti: {n} in questa esecuzione)"
TEXT["common.running"] = "{label} {pct:.0%}{shared}, mancano {eta}"
TEXT["common.preview"] = (
    "Mentre i tuoi {steps:,} passi si addestrano: la tua impostazione all'inizializzazione (passo 0). La vista addestrata la sostituirà appena pronta."
)
TEXT["common.measuring_init"] = "Misura di {n} reti all'inizializzazione, sulla lista di parole in uso..."
