"""Hand-written splitter cases: each is (article text, exact expected sentences)."""

CASES: list[tuple[str, list[str]]] = [
    # abbreviations and initials
    ("The U.S. economy grew last year. Exports rose.", ["The U.S. economy grew last year.", "Exports rose."]),
    (
        "Mr. Okafor arrived on Jan. 4 at the hall. He spoke briefly.",
        ["Mr. Okafor arrived on Jan. 4 at the hall.", "He spoke briefly."],
    ),
    ("Dr. J. Smith led the study. It took two years.", ["Dr. J. Smith led the study.", "It took two years."]),
    (
        "The talks moved to Washington, D.C. on Friday. No deal was reached.",
        ["The talks moved to Washington, D.C. on Friday.", "No deal was reached."],
    ),
    (
        "Shares of Acme Corp. fell sharply. Analysts were surprised.",
        ["Shares of Acme Corp. fell sharply.", "Analysts were surprised."],
    ),
    (
        "Gov. Ruiz and Sen. Hale met at 10 a.m. on Monday. They disagreed.",
        ["Gov. Ruiz and Sen. Hale met at 10 a.m. on Monday.", "They disagreed."],
    ),
    ("The company moved to the U.K. Its staff followed.", ["The company moved to the U.K.", "Its staff followed."]),
    (
        "Prof. Amara Diallo, Ph.D., chairs the panel. She was appointed in 2019.",
        ["Prof. Amara Diallo, Ph.D., chairs the panel.", "She was appointed in 2019."],
    ),
    (
        "The bill passed the Senate, e.g. with support from both sides. It now goes to the House.",
        ["The bill passed the Senate, e.g. with support from both sides.", "It now goes to the House."],
    ),
    (
        "St. Mary's Hospital in Mt. Pleasant reopened its ward. Patients returned.",
        ["St. Mary's Hospital in Mt. Pleasant reopened its ward.", "Patients returned."],
    ),
    # decimals, times, money
    (
        "Inflation rose to 3.5% in May. It was 3.1% in April.",
        ["Inflation rose to 3.5% in May.", "It was 3.1% in April."],
    ),
    (
        "The quake struck at 03:12 local time. Buildings swayed.",
        ["The quake struck at 03:12 local time.", "Buildings swayed."],
    ),
    ("The deal is worth $2.4bn. It closes in 2025.", ["The deal is worth $2.4bn.", "It closes in 2025."]),
    ("Version 2.0.1 was released. It fixes 14 bugs.", ["Version 2.0.1 was released.", "It fixes 14 bugs."]),
    (
        "The train leaves at 6.45 p.m. daily. Tickets cost £12.50.",
        ["The train leaves at 6.45 p.m. daily.", "Tickets cost £12.50."],
    ),
    # quotes: sentence ends inside quotes
    ('"We will win," he said. The crowd cheered.', ['"We will win," he said.', "The crowd cheered."]),
    ('"Why now?" she asked. Nobody answered.', ['"Why now?" she asked.', "Nobody answered."]),
    ('"Get out!" the guard shouted. The men ran.', ['"Get out!" the guard shouted.', "The men ran."]),
    (
        "“We are ready,” said Maria Okafor. “The team has trained all year.”",
        ["“We are ready,” said Maria Okafor.", "“The team has trained all year.”"],
    ),
    (
        '"We are ready. The team has trained all year," she said.',
        ['"We are ready.', 'The team has trained all year," she said.'],
    ),
    (
        "“Is this fair? I do not think so,” the mayor said on Monday.",
        ["“Is this fair?", "I do not think so,” the mayor said on Monday."],
    ),
    ('He called it "a disaster." Others disagreed.', ['He called it "a disaster."', "Others disagreed."]),
    (
        "She said: “We will appeal. This is not over.” The hearing ended.",
        ["She said: “We will appeal.", "This is not over.”", "The hearing ended."],
    ),
    (
        "'We have done nothing wrong,' the firm said. It denies the claims.",
        ["'We have done nothing wrong,' the firm said.", "It denies the claims."],
    ),
    (
        'The so-called "miracle cure" was banned. Sales stopped.',
        ['The so-called "miracle cure" was banned.', "Sales stopped."],
    ),
    # lines without final punctuation: furniture
    (
        "Port strike will cost millions, union warns\nBy Dana Whitfield\n\nThe strike began on Monday.",
        ["Port strike will cost millions, union warns", "By Dana Whitfield", "The strike began on Monday."],
    ),
    (
        "Update: 2016-06-15 03:12 GMT\nThe fire is under control.",
        ["Update: 2016-06-15 03:12 GMT", "The fire is under control."],
    ),
    (
        "Crews worked through the night.\n(Photo: AP)\nRoads reopened at dawn.",
        ["Crews worked through the night.", "(Photo: AP)", "Roads reopened at dawn."],
    ),
    (
        "The market closed higher.\n\nSimilar News\nBanks rally after rate cut",
        ["The market closed higher.", "Similar News", "Banks rally after rate cut"],
    ),
    (
        "NAIROBI, March 3 (Wire) - Heavy rain flooded the city. Schools closed.",
        ["NAIROBI, March 3 (Wire) - Heavy rain flooded the city.", "Schools closed."],
    ),
    (
        "Friday, July 21, 2017\n\nA group of teenagers won a medal.",
        ["Friday, July 21, 2017", "A group of teenagers won a medal."],
    ),
    (
        "09:42\nThe minister has arrived. She did not speak to reporters.",
        ["09:42", "The minister has arrived.", "She did not speak to reporters."],
    ),
    (
        "Related: Council cuts library hours\nRead more: Budget explained",
        ["Related: Council cuts library hours", "Read more: Budget explained"],
    ),
    # paragraphs, blank lines, bullets
    ("First paragraph here.\n\n\nSecond paragraph here.\n", ["First paragraph here.", "Second paragraph here."]),
    (
        "The plan includes:\n- a new bus lane\n- wider pavements\n* two crossings",
        ["The plan includes:", "- a new bus lane", "- wider pavements", "* two crossings"],
    ),
    (
        "Key points\n• Rates held at 5%\n• Next meeting in June",
        ["Key points", "• Rates held at 5%", "• Next meeting in June"],
    ),
    ("   \n\nIndented text starts here. It ends here.  ", ["Indented text starts here.", "It ends here."]),
    # hard-wrapped paragraph lines are joined
    (
        "The council voted on Tuesday to close\nthe two libraries in the east of the city. Protests followed.",
        ["The council voted on Tuesday to close\nthe two libraries in the east of the city.", "Protests followed."],
    ),
    # more punctuation
    (
        "Will rates fall? Economists are divided. Some expect a cut!",
        ["Will rates fall?", "Economists are divided.", "Some expect a cut!"],
    ),
    (
        "The results are in... and they are close. Counting continues.",
        ["The results are in... and they are close.", "Counting continues."],
    ),
    ("He left (for good, he said). The office closed.", ["He left (for good, he said).", "The office closed."]),
    (
        "The firm (founded in 1998.) is based in Oslo. It has 40 staff.",
        ["The firm (founded in 1998.) is based in Oslo.", "It has 40 staff."],
    ),
    ("No. 10 said the talks went well. A deal is close.", ["No. 10 said the talks went well.", "A deal is close."]),
    ("The vote was 52-48. Turnout was 72 per cent.", ["The vote was 52-48.", "Turnout was 72 per cent."]),
    ("Visit www.example.org for details. Entry is free.", ["Visit www.example.org for details.", "Entry is free."]),
    (
        "Lt. Col. Ada Brook commands the unit. It has 300 soldiers.",
        ["Lt. Col. Ada Brook commands the unit.", "It has 300 soldiers."],
    ),
    (
        "Apple Inc. and Alphabet Inc. reported results. Both beat forecasts.",
        ["Apple Inc. and Alphabet Inc. reported results.", "Both beat forecasts."],
    ),
    (  # an engineer's title, as Ghanaian and Nigerian papers write it; the bank ends its sentence
        "Ing. Kofi Mensah and Engr. Ada Obi inspected the bridge. The lender was bought by ING. It paid cash.",
        ["Ing. Kofi Mensah and Engr. Ada Obi inspected the bridge.", "The lender was bought by ING.", "It paid cash."],
    ),
]
