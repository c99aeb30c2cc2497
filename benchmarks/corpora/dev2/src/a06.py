from lib import *

# ---------------------------------------------------------------- d2-en-001
art('d2-en-001', 'Reuters', '2023-03-24', 'en', '''
US strikes Iran-linked groups in Syria after drone kills American contractor

WASHINGTON/BEIRUT, March 24 (Reuters) - U.S. warplanes carried out air strikes in eastern Syria late on Thursday against groups affiliated with Iran's Revolutionary Guards, the Pentagon said, hours after a drone attack on a coalition base killed a U.S. contractor and wounded five American service members.

A one-way attack drone struck a maintenance facility on a coalition base near Hasaka in northeast Syria at approximately 1:38 p.m. local time on Thursday, killing the contractor and wounding another contractor as well as the five troops, the Pentagon said in a statement. U.S. intelligence assessed the drone to be of Iranian origin, it added.

"The airstrikes were conducted in response to today's attack as well as a series of recent attacks against Coalition forces in Syria by groups affiliated with the IRGC," Defense Secretary Lloyd Austin said.

The Syrian Observatory for Human Rights, a Britain-based war monitor, said the strikes hit a weapons depot in the Harabesh district of Deir al-Zor city, killing six fighters, and positions near the town of al-Mayadin, where nine pro-Iranian fighters were killed. Four more were killed in the desert near Albu Kamal on the Iraqi border, it said.

On Friday morning, about ten rockets were fired at the Green Village base, a coalition outpost at the al-Omar oil field in Deir al-Zor province, a U.S. military official said. One U.S. service member suffered minor injuries and no significant damage was reported. No group claimed the attack.

A spokesman for Iran's Supreme National Security Council denied any Iranian role, warning that Tehran would "respond immediately" to any attack on its bases in Syria.

President Joe Biden said the United States does not seek conflict with Iran but "be prepared for us to act forcefully to protect our people."

Iran-backed groups have attacked U.S. forces in Syria 78 times since January 2021, according to U.S. officials. About 900 U.S. troops are deployed in Syria, mostly in the northeast, as part of the mission against Islamic State.
''')
ev('2023-03-23', 1, ERV, AIR, UAG_SY, US21, 'hasakeh', 2, 1,
   '''A one-way attack drone struck a maintenance facility on a coalition base near Hasaka in northeast Syria at approximately 1:38 p.m. local time on Thursday, killing the contractor and wounding another contractor as well as the five troops, the Pentagon said in a statement.''',
   '''On 23 March 2023, a one-way attack drone (assessed by US intelligence to be of Iranian origin; launching group unidentified) struck a maintenance facility on a coalition base near Al Hasakeh (Al Hasakeh, Al Hasakeh), killing a US contractor and wounding another contractor and five US service members. 1 fatality.''',
   aa2='Civilians (United States)')
ev('2023-03-23', 1, ERV, AIR, US21, PROIRAN, 'deirezzor', 1, 6,
   '''The Syrian Observatory for Human Rights, a Britain-based war monitor, said the strikes hit a weapons depot in the Harabesh district of Deir al-Zor city, killing six fighters''',
   '''On 23 March 2023, US warplanes struck a weapons depot of IRGC-affiliated groups in the Harabesh district of Deir ez Zor city (Deir ez Zor, Deir ez Zor), killing 6 fighters according to SOHR. 6 fatalities.''',
   aa2=IRGC)
ev('2023-03-23', 1, ERV, AIR, US21, PROIRAN, 'mayadin', 2, 9,
   '''and positions near the town of al-Mayadin, where nine pro-Iranian fighters were killed.''',
   '''On 23 March 2023, US warplanes struck positions of IRGC-affiliated groups near Al Mayadin (Al Mayadin, Deir ez Zor), killing 9 pro-Iranian fighters according to SOHR. 9 fatalities.''',
   aa2=IRGC)
ev('2023-03-23', 1, ERV, AIR, US21, PROIRAN, 'abukamal', 2, 4,
   '''Four more were killed in the desert near Albu Kamal on the Iraqi border, it said.''',
   '''On 23 March 2023, US warplanes struck positions of IRGC-affiliated groups in the desert near Abu Kamal (Abu Kamal, Deir ez Zor), killing 4 fighters according to SOHR. 4 fatalities.''',
   aa2=IRGC)
ev('2023-03-24', 1, ERV, SHELL, UAG_SY, US21, 'dhiban', 2, 0,
   '''On Friday morning, about ten rockets were fired at the Green Village base, a coalition outpost at the al-Omar oil field in Deir al-Zor province, a U.S. military official said. One U.S. service member suffered minor injuries and no significant damage was reported.''',
   '''On 24 March 2023, unidentified militants fired about ten rockets at the Green Village coalition base at the Al Omar oil field, coded to Dhiban (Al Mayadin, Deir ez Zor), slightly injuring one US service member. No fatalities.''')
neg('''A spokesman for Iran's Supreme National Security Council denied any Iranian role, warning that Tehran would "respond immediately" to any attack on its bases in Syria.''', 'denial and threat')
neg('''President Joe Biden said the United States does not seek conflict with Iran but "be prepared for us to act forcefully to protect our people."''', 'statement/threat')
neg('''Iran-backed groups have attacked U.S. forces in Syria 78 times since January 2021, according to U.S. officials.''', 'statistic over a period')
neg('''About 900 U.S. troops are deployed in Syria, mostly in the northeast, as part of the mission against Islamic State.''', 'generic (troop numbers)')

# ---------------------------------------------------------------- d2-en-002
art('d2-en-002', 'AFP', '2025-07-16', 'en', '''
Israel strikes Damascus army HQ as Sweida clashes rage

Damascus (AFP) - Israel struck the Syrian army headquarters in central Damascus on Wednesday and hit targets near the presidential palace, escalating its intervention in support of the Druze minority as deadly clashes raged in the southern city of Sweida.

An AFP correspondent saw smoke rising over Umayyad Square after several strikes hit the general staff building, part of which collapsed. The health ministry said three people were killed and 34 wounded in the Damascus strikes.

In Sweida, fighting between government forces and Druze fighters resumed on Wednesday, with residents reporting shelling and sniper fire in several neighbourhoods. At least 20 people were killed in the city on Wednesday, according to the Syrian Observatory for Human Rights.

On Tuesday, Israeli drones struck government tanks and armoured vehicles advancing towards Sweida near the town of Al-Mazraa, the Israeli military said, without giving a casualty toll.

Defence Minister Murhaf Abu Qasra had announced a ceasefire in Sweida city on Tuesday after an agreement with local dignitaries, saying troops would respond only to sources of fire. The truce collapsed within hours, residents said.

The violence began earlier this week after a Druze vegetable merchant was abducted on the highway linking Sweida to Damascus, triggering tit-for-tat kidnappings and clashes between Druze fighters and Bedouin tribes.

Israeli Defence Minister Israel Katz warned that the military would "continue to strike regime forces until they withdraw from the area."

The Syrian presidency condemned the "treacherous" strikes and accused Israel of seeking to destabilise the country.

The Observatory said more than 300 people had been killed in Sweida province since Sunday, including 27 Druze civilians "summarily executed" by government personnel.
''')
ev('2025-07-16', 1, ERV, AIR, ISR, SYR_NEW, 'damascus', 1, 3,
   '''Israel struck the Syrian army headquarters in central Damascus on Wednesday and hit targets near the presidential palace … The health ministry said three people were killed and 34 wounded in the Damascus strikes.''',
   '''On 16 July 2025, Israeli air strikes hit the Syrian army general staff headquarters in Umayyad Square and targets near the presidential palace in Damascus (Damascus, Damascus), killing 3 people and wounding 34. 3 fatalities.''')
ev('2025-07-16', 1, BAT, CLASH, SYR_NEW, 'Druze Communal Militia (Syria)', 'suwayda', 1, 20,
   '''In Sweida, fighting between government forces and Druze fighters resumed on Wednesday, with residents reporting shelling and sniper fire in several neighbourhoods. At least 20 people were killed in the city on Wednesday, according to the Syrian Observatory for Human Rights.''',
   '''On 16 July 2025, fighting between Syrian government forces and Druze fighters resumed in Suwayda city (As Sweida, As Sweida), with shelling and sniper fire in several neighbourhoods. At least 20 people were killed according to SOHR. 20 fatalities.''')
ev('2025-07-15', 1, ERV, AIR, ISR, SYR_NEW, 'mazraa', 2, 0,
   '''On Tuesday, Israeli drones struck government tanks and armoured vehicles advancing towards Sweida near the town of Al-Mazraa, the Israeli military said, without giving a casualty toll.''',
   '''On 15 July 2025, Israeli drones struck Syrian government tanks and armoured vehicles advancing towards Suwayda near Al Mazraa (As Sweida, As Sweida). Casualties unknown; fatalities coded as 0.''')
ev('2025-07-15', 1, SD, AGREE, SYR_NEW, 'Druze Communal Militia (Syria)', 'suwayda', 1, 0,
   '''Defence Minister Murhaf Abu Qasra had announced a ceasefire in Sweida city on Tuesday after an agreement with local dignitaries, saying troops would respond only to sources of fire.''',
   '''Agreement: On 15 July 2025, Syrian Defence Minister Murhaf Abu Qasra announced a ceasefire in Suwayda city (As Sweida, As Sweida) after an agreement with local dignitaries. Residents said it collapsed within hours.''')
neg('''The truce collapsed within hours, residents said.''', 'no specific incident (general statement)')
neg('''The violence began earlier this week after a Druze vegetable merchant was abducted on the highway linking Sweida to Damascus, triggering tit-for-tat kidnappings and clashes between Druze fighters and Bedouin tribes.''', 'background: earlier events, no specific date or place')
neg('''Israeli Defence Minister Israel Katz warned that the military would "continue to strike regime forces until they withdraw from the area."''', 'threat')
neg('''The Syrian presidency condemned the "treacherous" strikes and accused Israel of seeking to destabilise the country.''', 'condemnation')
neg('''The Observatory said more than 300 people had been killed in Sweida province since Sunday, including 27 Druze civilians "summarily executed" by government personnel.''', 'statistic over several days (aggregate, no specific incident)')

# ---------------------------------------------------------------- d2-en-003
art('d2-en-003', 'AP', '2019-03-23', 'en', '''
US-backed Syrian forces declare victory over IS 'caliphate'

BAGHOUZ, Syria (AP) - U.S.-backed Syrian forces declared military victory over the Islamic State group on Saturday, saying they had captured the last pocket of territory held by the extremists in the village of Baghouz near the Iraqi border.

"Baghouz has been liberated. The military victory against Daesh has been achieved," tweeted Mustafa Bali, a spokesman for the Kurdish-led Syrian Democratic Forces, after weeks of fighting backed by coalition airstrikes.

The announcement came after a night of heavy fighting. On Friday, SDF fighters supported by coalition aircraft battled the remaining militants holed up on a bluff overlooking the tent encampment, and an SDF commander said 17 militants were killed.

Some militants are still hiding in tunnels along the Euphrates River, SDF officials said, and clearing operations are expected to continue.

In the city of Raqqa, once the group's de facto capital, a motorcycle rigged with explosives blew up Saturday near a checkpoint of the Kurdish-led internal security forces, wounding two members, activists said.

The fall of Baghouz ends a campaign that began in September. More than 60,000 people, many of them wives and children of IS fighters, streamed out of the shrinking enclave in recent weeks, most of them taken to al-Hol camp.

At its height in 2014, the group controlled a third of Syria and Iraq.

President Donald Trump, who had already claimed victory in December, said the "caliphate" had been eliminated, while warning that the group remained a threat.

The SDF held a victory ceremony at the nearby al-Omar oil field, attended by U.S. and coalition officials.
''')
ev('2019-03-23', 1, BAT, NSAOVER, SDF, IS_SY, 'abukamal', 2, 0,
   '''U.S.-backed Syrian forces declared military victory over the Islamic State group on Saturday, saying they had captured the last pocket of territory held by the extremists in the village of Baghouz near the Iraqi border.''',
   '''On 23 March 2019, the SDF, backed by Global Coalition air strikes, captured the last Islamic State pocket in Baghouz near the Iraqi border, coded to Abu Kamal (Abu Kamal, Deir ez Zor), and declared military victory over the group. No fatalities reported for the day.''',
   aa1=COAL)
ev('2019-03-22', 1, BAT, CLASH, SDF, IS_SY, 'abukamal', 2, 0,
   '''On Friday, SDF fighters supported by coalition aircraft battled the remaining militants holed up on a bluff overlooking the tent encampment, and an SDF commander said 17 militants were killed.''',
   '''On 22 March 2019, SDF fighters supported by Global Coalition aircraft fought the remaining Islamic State militants on a bluff overlooking the Baghouz encampment, coded to Abu Kamal (Abu Kamal, Deir ez Zor). An SDF commander claimed 17 militants were killed. Claimed fatalities coded 0.''',
   aa1=COAL)
ev('2019-03-23', 1, ERV, IED, UAG_SY, ASAYISH_SY, 'raqqa', 1, 0,
   '''In the city of Raqqa, once the group's de facto capital, a motorcycle rigged with explosives blew up Saturday near a checkpoint of the Kurdish-led internal security forces, wounding two members, activists said.''',
   '''On 23 March 2019, a motorcycle bomb exploded near an Asayish checkpoint in Ar Raqqa city (Ar Raqqa, Ar Raqqa), wounding two members. No fatalities.''')
neg('''"Baghouz has been liberated. The military victory against Daesh has been achieved," tweeted Mustafa Bali''', 'media post about the already-coded takeover')
neg('''Some militants are still hiding in tunnels along the Euphrates River, SDF officials said, and clearing operations are expected to continue.''', 'future/ongoing, no event')
neg('''More than 60,000 people, many of them wives and children of IS fighters, streamed out of the shrinking enclave in recent weeks''', 'statistic over weeks (displacement total)')
neg('''At its height in 2014, the group controlled a third of Syria and Iraq.''', 'background/history')
neg('''President Donald Trump, who had already claimed victory in December, said the "caliphate" had been eliminated, while warning that the group remained a threat.''', 'statement/claim')
neg('''The SDF held a victory ceremony at the nearby al-Omar oil field, attended by U.S. and coalition officials.''', 'ceremony (not an event)')

# ---------------------------------------------------------------- d2-en-004
art('d2-en-004', 'Rudaw', '2023-04-08', 'en', '''
PUK blames Turkey for drone strike near Sulaimani airport as SDF chief's convoy passed

ERBIL, Kurdistan Region - A drone strike hit the perimeter of Sulaimani International Airport on Friday evening as a convoy carrying Syrian Democratic Forces (SDF) commander Mazloum Abdi and US military personnel was leaving the facility, officials said on Saturday.

The Patriotic Union of Kurdistan (PUK), which controls Sulaimani, said in a statement that "a Turkish drone" carried out the attack, and two US officials told reporters that the strike was likely carried out by Turkey. No one was injured, the US-led coalition said.

Ankara did not officially comment on the accusation. On Monday, Turkey closed its airspace to flights to and from Sulaimani until July 3, citing increased activity by the Kurdistan Workers' Party (PKK) in the province.

Separately, Turkish warplanes bombed suspected PKK positions in the Metina area of Duhok province's Amedi district on Thursday, local officials said, damaging farmland but causing no civilian casualties. The Turkish defence ministry said five "terrorists" were "neutralised" in the operation.

Mazloum Abdi said in a statement that Turkey was trying to "sabotage the stability of the Kurdistan Region", stressing that such attacks would not intimidate the SDF.

The Kurdistan Region Presidency called on all sides to keep the Region out of regional conflicts.

Turkey has for decades fought the PKK, which maintains bases in the Kurdistan Region's mountains, and has launched several cross-border operations since 2019.
''')
ev('2023-04-07', 1, ERV, AIR, TUR, SDF, 'sulaymaniyah', 2, 0,
   '''A drone strike hit the perimeter of Sulaimani International Airport on Friday evening as a convoy carrying Syrian Democratic Forces (SDF) commander Mazloum Abdi and US military personnel was leaving the facility, officials said on Saturday.''',
   '''On 7 April 2023, a drone strike (attributed by the PUK and US officials to Turkey) hit the perimeter of Sulaymaniyah International Airport as a convoy carrying SDF commander Mazloum Abdi and US military personnel was leaving, coded to Sulaymaniyah (Al Sulaymaniyah). No casualties.''',
   aa2=US21)
ev('2023-04-06', 1, ERV, AIR, TUR, PKK, 'amadiyah', 2, 0,
   '''Separately, Turkish warplanes bombed suspected PKK positions in the Metina area of Duhok province's Amedi district on Thursday, local officials said, damaging farmland but causing no civilian casualties.''',
   '''On 6 April 2023, Turkish warplanes bombed suspected PKK positions in the Metina area of Amedi district, coded to Al Amadiyah (Duhok), damaging farmland. The Turkish defence ministry claimed 5 militants "neutralised". Claimed fatalities coded 0.''')
neg('''On Monday, Turkey closed its airspace to flights to and from Sulaimani until July 3, citing increased activity by the Kurdistan Workers' Party (PKK) in the province.''', 'administrative measure (airspace closure), not a conflict event')
neg('''The Turkish defence ministry said five "terrorists" were "neutralised" in the operation.''', 'claim (quantity trap)')
neg('''Mazloum Abdi said in a statement that Turkey was trying to "sabotage the stability of the Kurdistan Region", stressing that such attacks would not intimidate the SDF.''', 'statement')
neg('''Turkey has for decades fought the PKK, which maintains bases in the Kurdistan Region's mountains, and has launched several cross-border operations since 2019.''', 'background/generic')
