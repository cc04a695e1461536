TEXT = {
    "loss_log.title": "Il registro delle loss della lezione: ogni correzione, addestrata fino in fondo",
    "loss_log.what": (
        "La lezione si chiude con una tabella: ogni correzione dell'inizializzazione, addestrata per 200.000 "
        "passi, e la loss che raggiunge. Qui le cinque fasi si addestrano insieme, sugli stessi minibatch e "
        "con lo stesso seme.  \n"
        "Vedrai la prima loss di ogni fase, le loss finali di addestramento e di validazione accanto a "
        "quelle della lezione, la curva della loss e i nomi che ogni rete addestrata inventa."
    ),
    "loss_log.steps.label": "Addestramento",
    "loss_log.steps.help": (
        "La lezione addestra 200.000 passi (diversi minuti di CPU, calcolati una volta per tutto il server). "
        "Uno sguardo veloce ne addestra un decimo, con lo stesso calendario in scala."
    ),
    "loss_log.steps.20000": "Sguardo veloce: 20.000 passi",
    "loss_log.steps.200000": "La lezione: 200.000 passi",
    "loss_log.schedule": (
        "SGD, minibatch da 32, tasso di apprendimento 0,1, poi 0,01 dal passo {decay:,}. Loss sugli interi "
        "insiemi di addestramento e di validazione. La BatchNorm è valutata con le sue statistiche mobili, "
        "come nella lezione."
    ),
    "loss_log.stage.original": "Inizializzazione originale",
    "loss_log.stage.fix_softmax": "Softmax corretta (W2 × 0,01, b2 × 0)",
    "loss_log.stage.fix_tanh": "Saturazione di tanh corretta (W1 × 0,2, b1 × 0,01)",
    "loss_log.stage.kaiming": "Inizializzazione di Kaiming (5/3 / √fan_in)",
    "loss_log.stage.batchnorm": "BatchNorm",
    "loss_log.short.original": "Originale",
    "loss_log.short.fix_softmax": "Softmax corretta",
    "loss_log.short.fix_tanh": "Tanh corretta",
    "loss_log.short.kaiming": "Kaiming",
    "loss_log.short.batchnorm": "BatchNorm",
    "loss_log.predict.question": "Delle cinque fasi, quale finisce con la **loss di validazione più bassa**?",
    "loss_log.predict.why": (
        "Ogni correzione toglie passi che la rete spreca all'inizio. Una volta sensata l'inizializzazione, le "
        "fasi finiscono vicine: Kaiming e BatchNorm servono soprattutto a rendere addestrabili reti più "
        "profonde, di cui questo MLP a uno strato ha poco bisogno."
    ),
    "loss_log.table.header": "1 · Il registro delle loss",
    "loss_log.table.body": (
        "Ogni riga aggiunge una correzione a quella sopra. **Passo 0** è la loss sull'intero insieme di "
        "addestramento prima di qualunque aggiornamento: −ln(1/{v}) = {expected:.4f} è ciò che dovrebbe dire "
        "una rete che non sa nulla. Le colonne della lezione sono le sue cifre pubblicate a 200.000 passi, "
        "sulla sua esecuzione."
    ),
    "loss_log.col.stage": "Fase",
    "loss_log.col.init": "Passo 0",
    "loss_log.col.train": "Addestr.",
    "loss_log.col.val": "Valid.",
    "loss_log.col.change": "Variazione valid.",
    "loss_log.col.lecture_train": "Lezione addestr.",
    "loss_log.col.lecture_val": "Lezione valid.",
    "loss_log.table.caption": "Loss dopo {steps:,} passi. Le cifre della lezione sono a 200.000 passi.",
    "loss_log.table.short": (
        "Questo è lo sguardo veloce: {steps:,} passi, quindi ogni loss è più alta di quella della lezione. "
        "Da confrontare è l'ordine."
    ),
    "loss_log.notice.best": (
        "La loss di validazione più bassa è di «{best}», {val:.4f}. L'inizializzazione originale parte da "
        "{orig:.2f}, circa {times:.0f} volte −ln(1/{v}): sicura di sé e sbagliata, e lo paga con una loss "
        "finale più alta."
    ),
    "loss_log.diverged": "«{stage}» è divergente al passo {step:,}: la sua riga non ha una loss finale.",
    "loss_log.curves.header": "2 · Le curve della loss",
    "loss_log.curves.body": (
        "Come nella lezione: log10 della loss del minibatch, in media su finestre di 1.000 passi. Le prime "
        "finestre dell'inizializzazione originale stanno in alto (la mazza da hockey); il calo del tasso di "
        "apprendimento si vede come un gradino."
    ),
    "loss_log.curves.title": "log10 della loss del batch, media ogni 1.000 passi ({steps:,} passi)",
    "loss_log.curves.x": "passo di addestramento",
    "loss_log.curves.y": "log10 della loss",
    "loss_log.curves.legend": "fase",
    "loss_log.curves.decay": "tasso 0,1 → 0,01",
    "loss_log.curves.alt": (
        "Grafico a linee del log10 della loss del batch su {steps:,} passi, una linea per fase; "
        "l'inizializzazione originale parte più in alto, da {first:.2f}, e finisce a {last:.3f}."
    ),
    "loss_log.curves.notice": (
        "La curva dell'inizializzazione originale parte molto sopra le altre e le raggiunge dopo qualche "
        "migliaio di passi: sono i passi che le correzioni fanno risparmiare."
    ),
    "loss_log.names.header": "3 · I nomi inventati dalle reti addestrate",
    "loss_log.names.body": (
        "Ogni rete addestrata scrive 20 nomi, un carattere alla volta, estratti dalla sua softmax con lo "
        "stesso seme casuale (quello della lezione, 2147483647 + 10): le colonne differiscono solo per la "
        "rete. Una loss più bassa si legge più come un nome."
    ),
    "loss_log.names.col": "n.",
    "loss_log.names.caption": "Ogni nome finisce con '.', il carattere di fine nome che le reti hanno imparato a emettere.",
}
