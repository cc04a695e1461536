TEXT = {
    # -- la sezione "Classe" della barra laterale ------------------------------------------------------
    "classroom.title": "Classe",
    "classroom.intro": "Fai lezione con la classe: ognuno prevede dal proprio telefono o portatile, il tuo schermo "
    "mostra le risposte della classe e poi il risultato vero. Gli studenti restano anonimi.",
    "classroom.start": "Inizia una lezione",
    "classroom.join.label": "Entra con un codice",
    "classroom.join.placeholder": "per esempio K7PX3M",
    "classroom.join.button": "Entra",
    "classroom.leave": "Esci dalla classe",
    "classroom.teacher.code": "Codice della classe",
    "classroom.teacher.how": "Gli studenti inquadrano il codice QR, aprono il link o scrivono il codice.",
    "classroom.teacher.qr_alt": "Codice QR del link per entrare nella classe {code}",
    "classroom.teacher.show": "Mostra il codice sullo schermo",
    "classroom.teacher.screen_title": "Entra nella classe",
    "classroom.teacher.screen": "# {code}\nInquadra il codice QR, apri il link o scrivi il codice nella barra "
    "laterale dell'app (**Classe**).",
    "classroom.teacher.private": "Il tuo indirizzo contiene la tua chiave di insegnante: alla classe dai il link qui "
    "sopra, mai l'indirizzo di questa pagina. La classe dura 12 ore.",
    "classroom.teacher.leave_help": "Questo schermo esce dalla classe; la classe continua fino alla sua fine. Per tornarci come insegnante ti serve l'indirizzo di questa pagina: contiene la tua chiave.",
    "classroom.student.in": "Sei nella classe **`{code}`**. Le tue risposte sono anonime.",
    "classroom.follow": "Segui l'insegnante",
    "classroom.follow_help": "Attivo: entro pochi secondi la tua pagina passa alla pagina e alle impostazioni "
    "dell'insegnante ogni volta che cambiano. Spento: esplori per conto tuo; riattivalo per tornare con la classe.",
    "classroom.student.following": "La tua pagina segue quella dell'insegnante.",
    "classroom.student.exploring": "Stai esplorando per conto tuo: riattiva l'opzione per tornare alla vista "
    "dell'insegnante.",
    "classroom.sent": "La tua previsione è arrivata alla classe {code}.",
    "classroom.predict_on": "In classe ogni domanda viene posta prima del risultato: la classe prevede insieme.",
    # -- errori ------------------------------------------------------------------------------------------
    "classroom.error.bad_code": "«{code}» non è un codice di classe: un codice ha 6 lettere e cifre, come K7PX3M.",
    "classroom.error.no_room": "Non esiste una classe {code}: controlla il codice con il tuo insegnante.",
    "classroom.error.expired": "La classe {code} è terminata (una classe dura 12 ore). L'insegnante può iniziarne "
    "una nuova.",
    "classroom.error.full": "La classe {code} è al completo, quindi la tua previsione non è stata inviata. Puoi "
    "comunque prevedere per conto tuo.",
    "classroom.error.bad_value": "Questa previsione non si può inviare alla classe.",
    "classroom.error.bad_question": "Questa domanda non si può inviare alla classe.",
    "classroom.error.bad_student": "La tua sessione non può inviare risposte: ricarica la pagina.",
    "classroom.error.bad_reason": "Questo motivo non si può inviare alla classe.",
    "classroom.error.bad_view": "Non è stato possibile condividere la tua vista con la classe.",
    "classroom.error.not_teacher": "La chiave di insegnante di questo link non apre la classe {code}: ci sei "
    "entrato come studente.",
    "classroom.error.unavailable": "Al momento la classe non è raggiungibile: riprova tra poco.",
    # -- il motivo di uno studente ----------------------------------------------------------------------------
    "classroom.reason.label": "Perché? (facoltativo)",
    "classroom.reason.help": "Scegli il motivo più vicino al tuo. L'insegnante vede quanti hanno scelto ciascun "
    "motivo, mai chi.",
    "classroom.reason.saturation.spread": "Quanto sono sparse le pre-attivazioni decide quante finiscono dove la "
    "funzione di attivazione è piatta",
    "classroom.reason.saturation.fan_in": "Ogni pre-attivazione somma molti ingressi, quindi la scala di W1 ne "
    "moltiplica la dispersione",
    "classroom.reason.saturation.half": "Con pesi casuali circa metà delle unità finisce in qualunque regione",
    "classroom.reason.saturation.weights": "Dipende solo dalla funzione di attivazione, non dai pesi",
    "classroom.reason.saturation.train": "L'addestramento porta presto le unità fuori dalla regione piatta da solo",
    "classroom.reason.dead.zero_grad": "La sua derivata è 0 per gli ingressi negativi: un'unità negativa su ogni "
    "ingresso non riceve gradiente e non si riprende più",
    "classroom.reason.dead.knocked": "Un aggiornamento grande può rendere un'unità negativa su ogni ingresso, e un "
    "learning rate alto lo rende più probabile",
    "classroom.reason.dead.small": "Un'unità è morta quando la sua uscita è piccola",
    "classroom.reason.dead.all_die": "Ogni funzione di attivazione con un tratto piatto perde unità allo stesso modo",
    "classroom.reason.dead.never": "Le unità non possono morire: l'addestramento muove sempre tutti i pesi",
    "classroom.reason.loss.uniform": "Con logit piccoli la softmax è quasi uniforme, quindi la loss è vicina a "
    "−ln(1/V)",
    "classroom.reason.loss.confident": "Con logit grandi la rete sbaglia con sicurezza, quindi la loss è molto sopra "
    "−ln(1/V)",
    "classroom.reason.loss.zero": "La loss di una rete non addestrata parte vicino a 0",
    "classroom.reason.loss.bigger": "Pesi più grandi rendono la rete più sicura, quindi la loss è più bassa",
    "classroom.reason.loss.no_effect": "La scala di W2 non cambia la loss prima dell'addestramento",
    "classroom.reason.loss_log.wasted": "Una cattiva inizializzazione spreca i primi passi per essere corretta; una "
    "buona li usa per imparare",
    "classroom.reason.loss_log.close": "Quando l'inizializzazione è sensata, le correzioni successive finiscono a "
    "pochi centesimi l'una dall'altra",
    "classroom.reason.loss_log.latest": "Ogni correzione della lista batte quella precedente",
    "classroom.reason.loss_log.bn_always": "La BatchNorm dà sempre la loss più bassa",
    "classroom.reason.loss_log.start": "Una loss iniziale più alta lascia più da imparare, quindi finisce più in basso",
    "classroom.reason.batchnorm.mean": "La BatchNorm sottrae la media del batch, e b1 sposta la media quanto ogni "
    "esempio: si annulla",
    "classroom.reason.batchnorm.beta": "bnbias fa il lavoro del bias dopo la normalizzazione",
    "classroom.reason.batchnorm.scale": "Dividere per la deviazione standard riduce solo un po' il gradiente di b1",
    "classroom.reason.batchnorm.every": "Ogni parametro prima della loss riceve un gradiente, quindi b1 impara come "
    "sempre",
    "classroom.reason.batchnorm.faster": "b1 sta prima nella rete, quindi il suo gradiente è più grande",
    # gli stessi motivi, brevi, per il grafico dell'insegnante (la larghezza di un telefono)
    "classroom.reason_short.saturation.spread": "decide la dispersione",
    "classroom.reason_short.saturation.fan_in": "la scala di W1 fa la dispersione",
    "classroom.reason_short.saturation.half": "circa metà, per caso",
    "classroom.reason_short.saturation.weights": "conta solo l'attivazione",
    "classroom.reason_short.saturation.train": "si sistema addestrando",
    "classroom.reason_short.dead.zero_grad": "derivata zero sotto lo 0",
    "classroom.reason_short.dead.knocked": "passi grandi spengono unità",
    "classroom.reason_short.dead.small": "uscita piccola = morta",
    "classroom.reason_short.dead.all_die": "ogni tratto piatto uccide",
    "classroom.reason_short.dead.never": "le unità non muoiono",
    "classroom.reason_short.loss.uniform": "logit piccoli: quasi uniforme",
    "classroom.reason_short.loss.confident": "logit grandi: sbaglia con sicurezza",
    "classroom.reason_short.loss.zero": "parte vicino a 0",
    "classroom.reason_short.loss.bigger": "più sicura, loss più bassa",
    "classroom.reason_short.loss.no_effect": "W2 non conta ancora",
    "classroom.reason_short.loss_log.wasted": "una cattiva init spreca passi",
    "classroom.reason_short.loss_log.close": "init sensate finiscono vicine",
    "classroom.reason_short.loss_log.latest": "ogni correzione batte l'ultima",
    "classroom.reason_short.loss_log.bn_always": "vince sempre la BatchNorm",
    "classroom.reason_short.loss_log.start": "parte più in alto, finisce più in basso",
    "classroom.reason_short.batchnorm.mean": "la media annulla b1",
    "classroom.reason_short.batchnorm.beta": "bnbias fa il lavoro di b1",
    "classroom.reason_short.batchnorm.scale": "la std lo riduce soltanto",
    "classroom.reason_short.batchnorm.every": "ogni parametro impara",
    "classroom.reason_short.batchnorm.faster": "prima nella rete, più grande",
    # -- il pannello dell'insegnante ------------------------------------------------------------------------
    "classroom.teacher.title": "👥 La classe prevede",
    "classroom.teacher.hidden": "Sul tuo schermo il risultato resta nascosto finché non lo riveli. Gli studenti "
    "vedono il proprio riscontro appena confermano.",
    "classroom.reveal": "Rivela la risposta",
    "classroom.hide": "Nascondi di nuovo la risposta",
    "classroom.reveal.number": "**La risposta:** {what} è **{actual}**.",
    "classroom.reveal.choice": "**La risposta:** {answer}.",
    "classroom.panel.count": "Risposte finora",
    "classroom.panel.count_help": "Si aggiorna da solo ogni {every} secondi. Uno studente che risponde di nuovo "
    "sostituisce la propria risposta.",
    "classroom.panel.waiting": "Ancora nessuna risposta. Gli studenti entrano nella classe {code} con il link o il "
    "codice QR nella barra laterale.",
    "classroom.panel.students": "studenti",
    "classroom.panel.numbers_title": "Le previsioni della classe",
    "classroom.panel.numbers_x": "previsione",
    "classroom.panel.numbers_alt": "Istogramma delle {n} previsioni della classe; mediana {median}.",
    "classroom.panel.median": "Previsione mediana",
    "classroom.panel.truth_rule": "vero: {value}",
    "classroom.panel.choices_title": "Le scelte della classe",
    "classroom.panel.choices_alt": "Barre di quanti studenti hanno scelto ciascuna risposta: {counts}.",
    "classroom.panel.right": "la risposta",
    "classroom.panel.other": "altre risposte",
    "classroom.panel.reasons_title": "I loro motivi (ne hanno dato uno in {n})",
    "classroom.panel.reasons_alt": "Barre di quanti studenti hanno dato ciascun motivo: {counts}.",
    "classroom.panel.sound": "motivo corretto",
    "classroom.panel.misconception": "idea sbagliata",
    "classroom.panel.no_reasons": "Ancora nessun motivo.",
}
