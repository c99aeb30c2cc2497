from lib import *

# ---------------------------------------------------------------- d2-en-009
art('d2-en-009', 'AP', '2018-07-26', 'en', '''
Death toll from IS attacks in Syria's Sweida rises above 200

BEIRUT (AP) - The death toll from a wave of coordinated Islamic State attacks in and around the southern Syrian city of Sweida rose to more than 200 on Thursday, making it one of the deadliest days for the Druze community since the war began, activists and state media said.

The attacks began early Wednesday when three suicide bombers blew themselves up in the city, one of them in a crowded vegetable market, killing at least 40 people, including the bombers, according to the Sweida health directorate. Two other attackers were killed by security forces before they could detonate their vests.

At the same time, militants stormed several villages in the eastern countryside, including Shbiki and Rami, going from house to house and killing residents, some of them in their beds. Local gunmen, backed by government forces, fought the attackers for hours before pushing them back toward the desert. More than 100 people were killed in the villages, the Britain-based Syrian Observatory for Human Rights said.

The militants also abducted about 30 women and children from Shbiki as they withdrew, residents said. Their fate remains unknown.

On Thursday, Syrian government aircraft pounded IS positions in the volcanic Tulul al-Safa area east of the province, state media reported, without giving casualty figures.

The Observatory put the overall toll at 215, including 135 civilians and 80 pro-government fighters, and said 56 IS attackers were also killed.

The Islamic State group claimed responsibility for the attacks through its Aamaq news agency, saying its fighters had killed "more than 100 Nusayris and Druze."

Thousands of mourners attended funerals in Sweida on Thursday. Some residents voiced anger at the government, accusing it of failing to protect the province.

Hundreds of IS militants were bused to the desert east of Sweida in May under a deal that ended fighting in the Yarmouk camp in Damascus, according to opposition activists.
''')
ev('2018-07-25', 1, ERV, SUI, IS_SY, CIV_SY, 'suwayda', 1, 40,
   '''three suicide bombers blew themselves up in the city, one of them in a crowded vegetable market, killing at least 40 people, including the bombers, according to the Sweida health directorate.''',
   '''On 25 July 2018, three Islamic State suicide bombers blew themselves up in Suwayda city (As Sweida, As Sweida), one in a crowded vegetable market, killing at least 40 people, including the bombers; two other attackers were killed by security forces before detonating. 40 fatalities.''')
ev('2018-07-25', 1, BAT, CLASH, IS_SY, UAG_SY, 'mushannaf', 2, 100,
   '''At the same time, militants stormed several villages in the eastern countryside, including Shbiki and Rami, going from house to house and killing residents, some of them in their beds. Local gunmen, backed by government forces, fought the attackers for hours before pushing them back toward the desert. More than 100 people were killed in the villages''',
   '''On 25 July 2018, Islamic State militants stormed villages in the eastern Suwayda countryside, including Shbiki and Rami, killing residents in their homes, and fought for hours with local gunmen backed by Syrian regime forces, coded to Al Mushannaf (As Sweida, As Sweida). More than 100 people were killed in the villages (civilian deaths included in this battle event). 100 fatalities.''',
   aa2=SYR_OLD)
ev('2018-07-25', 1, VAC, ABD, IS_SY, CIV_SY, 'mushannaf', 2, 0,
   '''The militants also abducted about 30 women and children from Shbiki as they withdrew, residents said.''',
   '''On 25 July 2018, Islamic State militants abducted about 30 women and children from Shbiki village as they withdrew, coded to Al Mushannaf (As Sweida, As Sweida). Their fate is unknown.''',
   aa2='Women (Syria); Children (Syria)')
ev('2018-07-26', 1, ERV, AIR, SYR_OLD, IS_SY, 'suwayda', 3, 0,
   '''On Thursday, Syrian government aircraft pounded IS positions in the volcanic Tulul al-Safa area east of the province, state media reported, without giving casualty figures.''',
   '''On 26 July 2018, Syrian regime aircraft struck Islamic State positions in the Tulul al-Safa volcanic area east of As Sweida province, coded to Suwayda (As Sweida, As Sweida). No casualty figures.''')
neg('''The Observatory put the overall toll at 215, including 135 civilians and 80 pro-government fighters, and said 56 IS attackers were also killed.''', 'aggregate toll across the coded events (quantity trap)')
neg('''The Islamic State group claimed responsibility for the attacks through its Aamaq news agency, saying its fighters had killed "more than 100 Nusayris and Druze."''', 'claim')
neg('''Thousands of mourners attended funerals in Sweida on Thursday.''', 'funeral (not coded)')
neg('''Some residents voiced anger at the government, accusing it of failing to protect the province.''', 'accusation/statement')
neg('''Hundreds of IS militants were bused to the desert east of Sweida in May under a deal that ended fighting in the Yarmouk camp in Damascus''', 'background (month only)')

# ---------------------------------------------------------------- d2-en-010
art('d2-en-010', 'AFP', '2022-01-21', 'en', '''
IS attack on Syria prison sparks deadly clashes, families flee

Hasakeh (Syria) (AFP) - Islamic State group fighters attacked a Kurdish-run prison in northeast Syria, sparking clashes that have killed dozens, a war monitor said Friday, in one of the jihadists' most significant attacks since the fall of their "caliphate".

The assault on Ghwayran prison in the city of Hasakeh began late Thursday with a car bomb at the main gate, followed by clashes between IS fighters and Kurdish forces around the facility, the Britain-based Syrian Observatory for Human Rights said. At least 7 members of the Kurdish-led Syrian Democratic Forces and 16 IS fighters were killed in the first night of fighting.

Fighting continued on Friday as US-led coalition aircraft struck IS positions in nearby neighbourhoods, the Observatory said. It said a further 5 SDF members and 13 jihadists were killed during the day.

Hundreds of families fled the Ghwayran and Al-Zuhour neighbourhoods around the prison on Friday, heading to other parts of the city, an AFP correspondent said.

"Inmates rioted at the same time to facilitate the escape of some prisoners," the SDF said in a statement, adding that it had recaptured dozens of escapees.

IS claimed the attack through its Amaq propaganda agency, saying its fighters had freed "hundreds" of prisoners.

The prison holds about 3,500 suspected IS members, including foreigners, according to the Kurdish administration, which has repeatedly called on foreign governments to repatriate their nationals.

The SDF, with US backing, defeated the IS "caliphate" in March 2019, but the jihadists continue to wage attacks from desert hideouts.
''')
ev('2022-01-20', 1, BAT, CLASH, IS_SY, SDF, 'hasakeh', 1, 23,
   '''The assault on Ghwayran prison in the city of Hasakeh began late Thursday with a car bomb at the main gate, followed by clashes between IS fighters and Kurdish forces around the facility, the Britain-based Syrian Observatory for Human Rights said. At least 7 members of the Kurdish-led Syrian Democratic Forces and 16 IS fighters were killed in the first night of fighting.''',
   '''On 20 January 2022, Islamic State fighters attacked Ghwayran prison in Al Hasakeh city (Al Hasakeh, Al Hasakeh) with a car bomb at the main gate, followed by clashes with the SDF around the facility while inmates rioted. 7 SDF members and 16 IS fighters were killed. 23 fatalities.''')
ev('2022-01-21', 1, BAT, CLASH, IS_SY, SDF, 'hasakeh', 1, 18,
   '''Fighting continued on Friday as US-led coalition aircraft struck IS positions in nearby neighbourhoods, the Observatory said. It said a further 5 SDF members and 13 jihadists were killed during the day.''',
   '''On 21 January 2022, fighting between Islamic State fighters and the SDF continued around Ghwayran prison in Al Hasakeh city (Al Hasakeh, Al Hasakeh), with Global Coalition aircraft striking IS positions in nearby neighbourhoods. 5 SDF members and 13 IS fighters were killed. 18 fatalities.''',
   aa2=COAL)
ev('2022-01-21', 1, SD, OTHER, CIV_SY, '', 'hasakeh', 1, 0,
   '''Hundreds of families fled the Ghwayran and Al-Zuhour neighbourhoods around the prison on Friday, heading to other parts of the city, an AFP correspondent said.''',
   '''Other: On 21 January 2022, hundreds of families fled the Ghwayran and Al Zuhour neighbourhoods around the prison in Al Hasakeh city (Al Hasakeh, Al Hasakeh) because of the fighting. Displacement.''',
   aa1='Refugees/IDPs (Syria)')
neg('''"Inmates rioted at the same time to facilitate the escape of some prisoners," the SDF said in a statement, adding that it had recaptured dozens of escapees.''', 'statement; part of the already-coded battle (recapture without date or place of its own)')
neg('''IS claimed the attack through its Amaq propaganda agency, saying its fighters had freed "hundreds" of prisoners.''', 'claim')
neg('''The prison holds about 3,500 suspected IS members, including foreigners''', 'generic (detainee numbers)')
neg('''The SDF, with US backing, defeated the IS "caliphate" in March 2019, but the jihadists continue to wage attacks from desert hideouts.''', 'background/generic')

# ---------------------------------------------------------------- d2-en-011
art('d2-en-011', 'Reuters', '2023-09-03', 'en', '''
Four killed in Kirkuk as Kurdish and Arab protesters clash, curfew imposed

KIRKUK, Iraq, Sept 3 (Reuters) - Four Kurdish protesters were killed by gunfire and 15 others were wounded in the northern Iraqi city of Kirkuk on Saturday during clashes between Kurdish demonstrators and Arab and Turkmen protesters, security and medical sources said.

The violence erupted when Kurdish demonstrators tried to reach the Kirkuk-Erbil road, which had been blocked for a week by an Arab and Turkmen sit-in against the planned handover of a building to the Kurdistan Democratic Party (KDP). The two sides threw stones at each other and several cars were set on fire before security forces intervened. It was not clear who fired the shots.

Authorities imposed a curfew on the city on Saturday evening, which was lifted on Sunday morning.

Prime Minister Mohammed Shia al-Sudani ordered an investigation and directed security forces to "prevent any attempt to destabilise the city".

On Sunday, dozens of Kurds rallied in front of the United Nations office in Erbil, the capital of the Kurdistan Region, condemning the killings and calling for international protection for Kurds in Kirkuk.

Iraq's Federal Supreme Court later on Sunday suspended the handover of the building pending a decision.

Kirkuk has been under the control of federal forces since October 2017, when they pushed out Kurdish Peshmerga after an independence referendum.

Arab tribal leaders said they would return to the streets if the court allowed the handover to go ahead.
''')
ev('2023-09-02', 1, RIO, VIOLDEM, RIOT_IQ, RIOT_IQ, 'kirkuk', 1, 4,
   '''Four Kurdish protesters were killed by gunfire and 15 others were wounded in the northern Iraqi city of Kirkuk on Saturday during clashes between Kurdish demonstrators and Arab and Turkmen protesters, security and medical sources said.''',
   '''On 2 September 2023, Kurdish demonstrators trying to reach the Kirkuk-Erbil road clashed with Arab and Turkmen protesters holding a sit-in against the handover of a building to the KDP in Kirkuk (Kirkuk); both sides threw stones and cars were set on fire before security forces intervened. Four Kurdish protesters were killed by gunfire from unknown shooters and 15 wounded. [size=no report] 4 fatalities.''',
   aa1='Kurdish Ethnic Group (Iraq)', aa2='Arab Ethnic Group (Iraq); Turkmen Ethnic Group (Iraq)')
ev('2023-09-03', 1, PRO, PEACE, PROT_IQ, '', 'erbil', 1, 0,
   '''On Sunday, dozens of Kurds rallied in front of the United Nations office in Erbil, the capital of the Kurdistan Region, condemning the killings and calling for international protection for Kurds in Kirkuk.''',
   '''On 3 September 2023, dozens of Kurds rallied in front of the UN office in Erbil (Erbil), condemning the killings in Kirkuk and calling for international protection for Kurds there. [size=dozens]''',
   aa1='Kurdish Ethnic Group (Iraq)')
neg('''Authorities imposed a curfew on the city on Saturday evening, which was lifted on Sunday morning.''', 'curfew (security measure, not coded)')
neg('''Prime Minister Mohammed Shia al-Sudani ordered an investigation and directed security forces to "prevent any attempt to destabilise the city".''', 'statement/official response')
neg('''Iraq's Federal Supreme Court later on Sunday suspended the handover of the building pending a decision.''', 'court decision (not a conflict event)')
neg('''Kirkuk has been under the control of federal forces since October 2017, when they pushed out Kurdish Peshmerga after an independence referendum.''', 'background/history')
neg('''Arab tribal leaders said they would return to the streets if the court allowed the handover to go ahead.''', 'conditional/future protest')

# ---------------------------------------------------------------- d2-en-012
art('d2-en-012', 'The New Arab', '2025-04-04', 'en', '''
SDF, Damascus swap prisoners in Aleppo as Kurdish fighters begin leaving Sheikh Maqsoud

The Syrian government and the Kurdish-led Syrian Democratic Forces (SDF) exchanged hundreds of prisoners in Aleppo on Thursday, the first step in implementing an agreement on the Kurdish-majority neighbourhoods of Sheikh Maqsoud and Ashrafieh.

Buses carrying around 100 detainees held by the SDF crossed into government-controlled parts of the city, while more than 140 people held by the authorities were released to the Kurdish side, according to a statement by the Aleppo governorate.

On Friday, the first convoy of SDF fighters left Sheikh Maqsoud heading east towards SDF-held territory, escorted by the General Security forces of the interior ministry, a correspondent for The New Arab said. Under the deal, the two neighbourhoods will be policed by Kurdish Asayish forces who will coordinate with the interior ministry.

The agreement stipulates that the neighbourhoods remain administratively part of Aleppo city and that residents will be free to move in and out without checkpoints.

Meanwhile, fighting continued around the Tishreen Dam on the Euphrates, where Turkish drones struck SDF positions on Thursday, killing two fighters, the SDF said.

The dam has been the scene of heavy fighting between the SDF and Turkish-backed factions since December. In January, Turkish drone strikes hit convoys of civilians travelling to the dam to protest, killing several people, according to Kurdish authorities.

The Aleppo deal follows a broader agreement signed in Damascus on 10 March by interim President Ahmed al-Sharaa and SDF commander Mazloum Abdi to integrate the SDF's civil and military institutions into the state by the end of the year.

"This is a model that can be built upon," Abdi said in a post on X.
''')
ev('2025-04-03', 1, SD, AGREE, SYR_NEW, SDF, 'aleppo', 1, 0,
   '''The Syrian government and the Kurdish-led Syrian Democratic Forces (SDF) exchanged hundreds of prisoners in Aleppo on Thursday, the first step in implementing an agreement on the Kurdish-majority neighbourhoods of Sheikh Maqsoud and Ashrafieh.''',
   '''Agreement: On 3 April 2025, the Syrian government and the SDF exchanged prisoners in Aleppo (Jebel Saman, Aleppo): around 100 detainees held by the SDF and more than 140 held by the authorities were released, as a first step in implementing the agreement on the Sheikh Maqsoud and Ashrafieh neighbourhoods.''')
ev('2025-04-04', 1, SD, CHANGE, SDF, '', 'aleppo', 1, 0,
   '''On Friday, the first convoy of SDF fighters left Sheikh Maqsoud heading east towards SDF-held territory, escorted by the General Security forces of the interior ministry, a correspondent for The New Arab said.''',
   '''Movement of forces: On 4 April 2025, the first convoy of SDF fighters left the Sheikh Maqsoud neighbourhood of Aleppo (Jebel Saman, Aleppo) towards SDF-held territory in the east, escorted by Syrian General Security forces, under the Aleppo agreement.''',
   aa1='', aa2='')
ev('2025-04-03', 1, ERV, AIR, TUR, SDF, 'manbij', 2, 2,
   '''Meanwhile, fighting continued around the Tishreen Dam on the Euphrates, where Turkish drones struck SDF positions on Thursday, killing two fighters, the SDF said.''',
   '''On 3 April 2025, Turkish drones struck SDF positions around the Tishreen Dam, coded to Manbij (Menbij, Aleppo), killing 2 SDF fighters according to the SDF. 2 fatalities.''')
neg('''Under the deal, the two neighbourhoods will be policed by Kurdish Asayish forces who will coordinate with the interior ministry.''', 'terms of the agreement (future)')
neg('''The agreement stipulates that the neighbourhoods remain administratively part of Aleppo city and that residents will be free to move in and out without checkpoints.''', 'terms of the agreement (future)')
neg('''In January, Turkish drone strikes hit convoys of civilians travelling to the dam to protest, killing several people, according to Kurdish authorities.''', 'background: earlier events (month only)')
neg('''The dam has been the scene of heavy fighting between the SDF and Turkish-backed factions since December.''', 'background over a period')
neg('''The Aleppo deal follows a broader agreement signed in Damascus on 10 March by interim President Ahmed al-Sharaa and SDF commander Mazloum Abdi''', 'background: earlier agreement given as context')
neg('''"This is a model that can be built upon," Abdi said in a post on X.''', 'statement/media post')

# ---------------------------------------------------------------- d2-en-013
art('d2-en-013', 'Al Jazeera', '2018-09-08', 'en', '''
Iraq: Protesters torch Iranian consulate in Basra

Protesters in the southern Iraqi city of Basra stormed and set fire to the Iranian consulate on Friday night, escalating a week of unrest over poor public services, unemployment and corruption.

Hundreds of demonstrators broke into the compound after staff had been evacuated, chanting slogans against Iranian interference in Iraq, witnesses told Al Jazeera. No one was hurt.

On Thursday, protesters set fire to the provincial government headquarters and the offices of several political parties and armed groups in the city, including Asaib Ahl al-Haq and the Badr Organisation. Three protesters were killed by gunfire that night, medical sources said, though it was not clear who fired.

Early on Saturday, three Katyusha rockets landed inside the perimeter of Basra International Airport, which hosts the US consulate, security sources said. There were no casualties and no claim of responsibility.

Iran's foreign ministry condemned the attack on its consulate and summoned Iraq's ambassador in Tehran.

Prime Minister Haider al-Abadi held an emergency cabinet session and ordered an investigation into the violence.

The protests began in July after tens of thousands of people were hospitalised by contaminated water, and at least 27 people have been killed since then, according to rights groups.

Shia leader Muqtada al-Sadr called for an emergency session of parliament to discuss the crisis, which was set for Saturday.
''')
ev('2018-09-07', 1, RIO, VIOLDEM, RIOT_IQ, '', 'basrah', 1, 0,
   '''Protesters in the southern Iraqi city of Basra stormed and set fire to the Iranian consulate on Friday night, escalating a week of unrest over poor public services, unemployment and corruption.''',
   '''On 7 September 2018, hundreds of demonstrators stormed and set fire to the Iranian consulate in Basrah (Al Basrah) after staff had been evacuated, chanting against Iranian interference. No one was hurt. [size=hundreds]''')
ev('2018-09-06', 1, RIO, VIOLDEM, RIOT_IQ, '', 'basrah', 1, 3,
   '''On Thursday, protesters set fire to the provincial government headquarters and the offices of several political parties and armed groups in the city, including Asaib Ahl al-Haq and the Badr Organisation. Three protesters were killed by gunfire that night, medical sources said, though it was not clear who fired.''',
   '''On 6 September 2018, demonstrators set fire to the provincial government headquarters and the offices of several parties and armed groups, including Asaib Ahl al-Haq and the Badr Organisation, in Basrah (Al Basrah). Three protesters were killed by gunfire from unidentified shooters. [size=no report] 3 fatalities.''')
ev('2018-09-08', 1, ERV, SHELL, UAG_IQ, 'Government of the United States (2017-2021)', 'basrah', 2, 0,
   '''Early on Saturday, three Katyusha rockets landed inside the perimeter of Basra International Airport, which hosts the US consulate, security sources said. There were no casualties and no claim of responsibility.''',
   '''On 8 September 2018, unidentified militants fired three Katyusha rockets that landed inside the perimeter of Basra International Airport, which hosts the US consulate, coded to Basrah (Al Basrah). No casualties.''')
neg('''Iran's foreign ministry condemned the attack on its consulate and summoned Iraq's ambassador in Tehran.''', 'condemnation/diplomatic measure')
neg('''Prime Minister Haider al-Abadi held an emergency cabinet session and ordered an investigation into the violence.''', 'official response (no event)')
neg('''The protests began in July after tens of thousands of people were hospitalised by contaminated water, and at least 27 people have been killed since then''', 'background and statistic over a period')
neg('''Shia leader Muqtada al-Sadr called for an emergency session of parliament to discuss the crisis, which was set for Saturday.''', 'statement/political process')
