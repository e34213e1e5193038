/**
 * Kazakh and English names for the criminal-code catalogue (`criminal-code.json`, which carries the Russian names
 * of form 1-M). Titles follow the wording of the Criminal Code of the Republic of Kazakhstan of 3 July 2014
 * No. 226-V; English follows the style of the unofficial translation on adilet.zan.kz.
 */

export interface ChapterNames {
  kk: string;
  en: string;
}

export interface ArticleNames {
  kk: string;
  en: string;
  /** A 1–4 word label for charts and legends. */
  short: { ru: string; kk: string; en: string };
}

/** All 18 chapters of the Special Part, by chapter code ("01".."18"). */
export const chapterNames: Record<string, ChapterNames> = {
  '01': {
    kk: 'Жеке адамға қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against the person',
  },
  '02': {
    kk: 'Отбасы мен кәмелетке толмағандарға қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against the family and minors',
  },
  '03': {
    kk: 'Адамның және азаматтың конституциялық және өзге де құқықтары мен бостандықтарына қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against the constitutional and other rights and freedoms of the person and citizen',
  },
  '04': {
    kk: 'Бейбітшілік пен адамзат қауіпсіздігіне қарсы қылмыстар',
    en: 'Crimes against the peace and security of mankind',
  },
  '05': {
    kk: 'Конституциялық құрылыстың негіздеріне және мемлекеттің қауіпсіздігіне қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against the foundations of the constitutional order and the security of the state',
  },
  '06': {
    kk: 'Меншікке қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against property',
  },
  '07': {
    kk: 'Ақпараттандыру және байланыс саласындағы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences in the sphere of informatisation and communications',
  },
  '08': {
    kk: 'Экономикалық қызмет саласындағы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences in the sphere of economic activity',
  },
  '09': {
    kk: 'Коммерциялық және өзге де ұйымдардағы қызмет мүдделеріне қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against the interests of service in commercial and other organisations',
  },
  '10': {
    kk: 'Қоғамдық қауіпсіздікке және қоғамдық тәртіпке қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against public safety and public order',
  },
  '11': {
    kk: 'Халықтың денсаулығына және имандылыққа қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against public health and morality',
  },
  '12': {
    kk: 'Медициналық қылмыстық құқық бұзушылықтар',
    en: 'Medical criminal offences',
  },
  '13': {
    kk: 'Экологиялық қылмыстық құқық бұзушылықтар',
    en: 'Environmental criminal offences',
  },
  '14': {
    kk: 'Көліктегі қылмыстық құқық бұзушылықтар',
    en: 'Transport criminal offences',
  },
  '15': {
    kk: 'Сыбайлас жемқорлық және мемлекеттік қызмет пен мемлекеттік басқару мүдделеріне қарсы өзге де қылмыстық құқық бұзушылықтар',
    en: 'Corruption and other criminal offences against the interests of the public service and public administration',
  },
  '16': {
    kk: 'Басқару тәртібіне қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against the order of administration',
  },
  '17': {
    kk: 'Сот төрелігіне және жазаларды орындау тәртібіне қарсы қылмыстық құқық бұзушылықтар',
    en: 'Criminal offences against justice and the procedure for the execution of punishments',
  },
  '18': {
    kk: 'Әскери қылмыстық құқық бұзушылықтар',
    en: 'Military criminal offences',
  },
};

/**
 * The 40 articles with the most registered offences in Kazakhstan in 2022 (form 1-M, `kz-1m-2022.json`, summed
 * over regions), by article code. Listed in descending order of registrations.
 */
export const articleNames: Record<string, ArticleNames> = {
  '188': {
    kk: 'Ұрлық',
    en: 'Theft',
    short: { ru: 'Кража', kk: 'Ұрлық', en: 'Theft' },
  },
  '190': {
    kk: 'Алаяқтық',
    en: 'Fraud',
    short: { ru: 'Мошенничество', kk: 'Алаяқтық', en: 'Fraud' },
  },
  '187': {
    kk: 'Ұсақ ұрлау',
    en: 'Petty theft',
    short: { ru: 'Мелкое хищение', kk: 'Ұсақ ұрлау', en: 'Petty theft' },
  },
  '296': {
    kk: 'Есірткі құралдарының, психотроптық заттардың, сол тектестердің, прекурсорлардың өткізу мақсатынсыз заңсыз айналымы',
    en: 'Illegal handling of narcotic drugs, psychotropic substances, their analogues and precursors without intent to sell',
    short: { ru: 'Наркотики без цели сбыта', kk: 'Есірткі (өткізу мақсатынсыз)', en: 'Drug possession' },
  },
  '345': {
    kk: 'Көлік құралдарын басқаратын адамдардың жол жүрісі немесе көлік құралдарын пайдалану қағидаларын бұзуы',
    en: 'Violation of road traffic rules or vehicle operation rules by persons driving vehicles',
    short: { ru: 'Нарушение ПДД', kk: 'Жол жүрісі қағидаларын бұзу', en: 'Traffic rules violation' },
  },
  '107': {
    kk: 'Денсаулыққа қасақана орташа ауырлықтағы зиян келтіру',
    en: 'Intentional infliction of moderate harm to health',
    short: { ru: 'Вред здоровью средней тяжести', kk: 'Орташа ауырлықтағы зиян', en: 'Moderate bodily harm' },
  },
  '191': {
    kk: 'Тонау',
    en: 'Robbery',
    short: { ru: 'Грабёж', kk: 'Тонау', en: 'Robbery' },
  },
  '385': {
    kk: 'Жалған құжаттарды, мөртабандарды, мөрлерді, бланкілерді, мемлекеттік пошта төлемі белгілерін, мемлекеттік наградаларды қолдан жасау, дайындау немесе өткізу',
    en: 'Forgery, manufacture or sale of forged documents, stamps, seals, forms, state postage stamps or state awards',
    short: { ru: 'Подделка документов', kk: 'Құжаттарды қолдан жасау', en: 'Document forgery' },
  },
  '293': {
    kk: 'Бұзақылық',
    en: 'Hooliganism',
    short: { ru: 'Хулиганство', kk: 'Бұзақылық', en: 'Hooliganism' },
  },
  '106': {
    kk: 'Денсаулыққа қасақана ауыр зиян келтіру',
    en: 'Intentional infliction of grave harm to health',
    short: { ru: 'Тяжкий вред здоровью', kk: 'Денсаулыққа ауыр зиян', en: 'Grievous bodily harm' },
  },
  '188-1': {
    kk: 'Мал ұрлау',
    en: 'Livestock theft',
    short: { ru: 'Скотокрадство', kk: 'Мал ұрлау', en: 'Livestock theft' },
  },
  '297': {
    kk: 'Есірткі құралдарын, психотроптық заттарды, сол тектестерді өткізу мақсатында заңсыз дайындау, өңдеу, сатып алу, сақтау, тасымалдау, жөнелту не өткізу',
    en: 'Illegal manufacture, processing, acquisition, storage or transportation for the purpose of sale, sending or sale of narcotic drugs, psychotropic substances or their analogues',
    short: { ru: 'Сбыт наркотиков', kk: 'Есірткі өткізу', en: 'Drug dealing' },
  },
  '287': {
    kk: 'Қаруды, оқ-дәрілерді, жарылғыш заттар мен жарылғыш құрылғыларды заңсыз сатып алу, беру, өткізу, сақтау, тасымалдау немесе алып жүру',
    en: 'Illegal acquisition, transfer, sale, storage, transportation or carrying of weapons, ammunition, explosives or explosive devices',
    short: { ru: 'Незаконный оборот оружия', kk: 'Қарудың заңсыз айналымы', en: 'Illegal weapons handling' },
  },
  '346': {
    kk: 'Көлік құралдарын басқару құқығынан айырылған, алкогольдік, есірткілік және (немесе) уытқұмарлық мас күйдегі адамның көлік құралын басқаруы, сол сияқты көлік құралын басқаруды осындай адамға беру немесе осындай адамды көлік құралын басқаруға жіберу',
    en: 'Driving a vehicle by a person deprived of the right to drive and in a state of alcoholic, narcotic and/or toxic intoxication, as well as handing over control of a vehicle to such a person or allowing such a person to drive',
    short: {
      ru: 'Пьяное вождение лишённым прав',
      kk: 'Құқықсыз мас күйде жүргізу',
      en: 'Drunk driving while disqualified',
    },
  },
  '200': {
    kk: 'Автомобильді немесе өзге де көлік құралын ұрлау мақсатынсыз құқыққа сыйымсыз иеленіп алу',
    en: 'Unlawful taking of a car or other vehicle without intent to steal',
    short: { ru: 'Угон транспорта', kk: 'Көлікті айдап кету', en: 'Vehicle taking' },
  },
  '189': {
    kk: 'Сеніп тапсырылған бөтен мүлікті иемденіп алу немесе ысырап ету',
    en: 'Misappropriation or embezzlement of entrusted property of another',
    short: { ru: 'Присвоение и растрата', kk: 'Иемдену немесе ысырап ету', en: 'Embezzlement' },
  },
  '389': {
    kk: 'Өз бетінше билік ету',
    en: 'Arbitrariness',
    short: { ru: 'Самоуправство', kk: 'Өз бетінше билік ету', en: 'Arbitrariness' },
  },
  '367': {
    kk: 'Пара беру',
    en: 'Giving a bribe',
    short: { ru: 'Дача взятки', kk: 'Пара беру', en: 'Bribe giving' },
  },
  '202': {
    kk: 'Бөтеннің мүлкін қасақана жою немесе бүлдіру',
    en: 'Intentional destruction or damage of property of another',
    short: { ru: 'Повреждение имущества', kk: 'Мүлікті жою немесе бүлдіру', en: 'Property damage' },
  },
  '99': {
    kk: 'Адам өлтіру',
    en: 'Murder',
    short: { ru: 'Убийство', kk: 'Адам өлтіру', en: 'Murder' },
  },
  '288': {
    kk: 'Қаруды заңсыз дайындау',
    en: 'Illegal manufacture of weapons',
    short: { ru: 'Изготовление оружия', kk: 'Қаруды заңсыз дайындау', en: 'Weapons manufacture' },
  },
  '378': {
    kk: 'Билік өкілін қорлау',
    en: 'Insulting a representative of authority',
    short: { ru: 'Оскорбление представителя власти', kk: 'Билік өкілін қорлау', en: 'Insulting an official' },
  },
  '366': {
    kk: 'Пара алу',
    en: 'Receiving a bribe',
    short: { ru: 'Получение взятки', kk: 'Пара алу', en: 'Bribe taking' },
  },
  '105': {
    kk: 'Өзін-өзі өлтіруге дейін жеткізу',
    en: 'Driving to suicide',
    short: { ru: 'Доведение до самоубийства', kk: 'Өзін-өзі өлтіруге жеткізу', en: 'Driving to suicide' },
  },
  '139': {
    kk: 'Балаларды асырап-бағуға арналған қаражатты төлеу жөніндегі міндеттерді орындамау, еңбекке жарамсыз ата-ананы, еңбекке жарамсыз жұбайын (зайыбын) асырап-бағуға арналған қаражатты төлеуден жалтару',
    en: 'Failure to pay maintenance for children, evasion of paying maintenance for disabled parents or a disabled spouse',
    short: { ru: 'Неуплата алиментов', kk: 'Алимент төлемеу', en: 'Non-payment of maintenance' },
  },
  '120': {
    kk: 'Зорлау',
    en: 'Rape',
    short: { ru: 'Изнасилование', kk: 'Зорлау', en: 'Rape' },
  },
  '216': {
    kk: 'Жұмыстарды нақты орындамай, қызметтер көрсетпей, тауарларды тиеп-жөнелтпей шот-фактура жазып беру бойынша әрекеттер жасау',
    en: 'Issuing invoices without actual performance of work, provision of services or shipment of goods',
    short: { ru: 'Фиктивные счета-фактуры', kk: 'Жалған шот-фактура', en: 'Fictitious invoicing' },
  },
  '156': {
    kk: 'Еңбекті қорғау қағидаларын бұзу',
    en: 'Violation of labour protection rules',
    short: { ru: 'Нарушение охраны труда', kk: 'Еңбекті қорғауды бұзу', en: 'Labour safety violation' },
  },
  '345-1': {
    kk: 'Көлік құралдарын алкогольдік, есірткілік және (немесе) уытқұмарлық мас күйде басқаратын адамдардың жол жүрісі немесе көлік құралдарын пайдалану қағидаларын бұзуы',
    en: 'Violation of road traffic rules or vehicle operation rules by persons driving vehicles in a state of alcoholic, narcotic and/or toxic intoxication',
    short: {
      ru: 'Нарушение ПДД в опьянении',
      kk: 'Мас жүргізушінің қағида бұзуы',
      en: 'Impaired-driving traffic offence',
    },
  },
  '194': {
    kk: 'Қорқытып алушылық',
    en: 'Extortion',
    short: { ru: 'Вымогательство', kk: 'Қорқытып алушылық', en: 'Extortion' },
  },
  '392': {
    kk: 'Қазақстан Республикасының Мемлекеттік шекарасын қасақана заңсыз кесіп өту',
    en: 'Intentional illegal crossing of the State Border of the Republic of Kazakhstan',
    short: {
      ru: 'Незаконное пересечение границы',
      kk: 'Шекараны заңсыз кесіп өту',
      en: 'Illegal border crossing',
    },
  },
  '286': {
    kk: 'Айналымнан алынған заттардың немесе айналымы шектелген заттардың контрабандасы',
    en: 'Smuggling of items withdrawn from circulation or items whose circulation is restricted',
    short: { ru: 'Контрабанда', kk: 'Контрабанда', en: 'Smuggling' },
  },
  '122': {
    kk: 'Он алты жасқа толмаған адаммен жыныстық қатынас немесе сексуалдық сипаттағы өзге де әрекеттер',
    en: 'Sexual intercourse or other acts of a sexual nature with a person under sixteen years of age',
    short: {
      ru: 'Половые действия с несовершеннолетним',
      kk: 'Кәмелетке толмағанмен жыныстық қатынас',
      en: 'Sexual acts with under-16s',
    },
  },
  '300': {
    kk: 'Құрамында есірткі заттары бар, өсіруге тыйым салынған өсімдіктерді заңсыз өсіру',
    en: 'Illegal cultivation of prohibited plants containing narcotic substances',
    short: {
      ru: 'Выращивание наркосодержащих растений',
      kk: 'Есірткілі өсімдіктерді өсіру',
      en: 'Drug plant cultivation',
    },
  },
  '380': {
    kk: 'Билік өкіліне қатысты күш қолдану',
    en: 'Use of violence against a representative of authority',
    short: {
      ru: 'Насилие над представителем власти',
      kk: 'Билік өкіліне күш қолдану',
      en: 'Violence against an official',
    },
  },
  '386': {
    kk: 'Көлік құралының сәйкестендіру нөмірін қолдан жасау, жою, сәйкестендіру нөмірі көрінеу қолдан жасалған көлік құралын өткізу',
    en: 'Forgery or destruction of a vehicle identification number, sale of a vehicle with a knowingly forged identification number',
    short: { ru: 'Подделка VIN-номера', kk: 'VIN нөмірін қолдан жасау', en: 'VIN forgery' },
  },
  '121': {
    kk: 'Сексуалдық сипаттағы зорлық әрекеттері',
    en: 'Violent acts of a sexual nature',
    short: {
      ru: 'Насильственные действия сексуального характера',
      kk: 'Сексуалдық зорлық әрекеттері',
      en: 'Sexual assault',
    },
  },
  '317': {
    kk: 'Медицина немесе фармацевтика қызметкерінің кәсіптік міндеттерін тиісінше орындамауы',
    en: 'Improper performance of professional duties by a medical or pharmaceutical worker',
    short: { ru: 'Медицинская халатность', kk: 'Медициналық немқұрайлылық', en: 'Medical negligence' },
  },
  '149': {
    kk: 'Тұрғынжайға қол сұғылмаушылықты бұзу',
    en: 'Violation of the inviolability of the home',
    short: {
      ru: 'Нарушение неприкосновенности жилища',
      kk: 'Тұрғынжайға қол сұғу',
      en: 'Unlawful home entry',
    },
  },
  '192': {
    kk: 'Қарақшылық',
    en: 'Brigandage (assault with intent to steal, with violence dangerous to life or health or the threat of it)',
    short: { ru: 'Разбой', kk: 'Қарақшылық', en: 'Brigandage' },
  },
};
