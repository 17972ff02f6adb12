"""Catalogue: the F1 help text of every screen and dialog, in plain words."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    "help.general": (
        "Drill runs a tabletop emergency drill. F1 shows help for the screen you are on, "
        "F2 switches between Chinese and English, Ctrl+P lists what you can do, Ctrl+Q quits.",
        "本程序用于社区应急桌面推演。F1 查看本页帮助，F2 "
        "切换中文/英文，Ctrl+P 列出可用操作，Ctrl+Q 退出。",
    ),
    "help.picker": (
        "Choose the scenario to play. Use the arrow keys and Enter, or type the path of a "
        "scenario file and press Enter. If a file has "
        "problems, Drill lists them and where to fix them.",
        "选择要演练的剧本：用方向键和回车，或者输入剧本文件路径后按回车。"
        "文件有问题时，会列出问题和修改位置。",
    ),
    "help.lobby": (
        "Name each team and its participants, and choose whether people or a bot play each role. "
        "Choose the language and how you play: facilitated (the facilitator enters every table's "
        "decisions) or hot-seat (teams take the keyboard in turn). Tab moves between fields; "
        "Enter opens a list. Ctrl+S starts the drill.",
        "填写各组队名和参加人，选择每个角色由真人还是电脑扮演。"
        "选择语言和进行方式：主持人录入（主持人替各组录入决定）"
        "或轮流操作（各组轮流使用键盘）。Tab 键在各项之间移动，回车打开选项。Ctrl+S 开始演练。",
    ),
    "help.briefing": (
        "The public briefing: read it aloud together. Press Enter to go on. In facilitated mode "
        "press 1-4 to show a role's private briefing.",
        "公开情况简报：大家一起阅读。按回车继续。主持人录入模式下，按 1-4 可查看各角色简报。",
    ),
    "help.role_briefing": (
        "Your team's private briefing: what only you hold and know. Do not show it to the others. "
        "Press Enter when you have read it.",
        "本组的角色简报：只有你们掌握的资源和情况，不要给其他组看。读完后按回车。",
    ),
    "help.handover": (
        "Pass the keyboard to the team named on the "
        "screen. Press Enter only when nobody else can see.",
        "把键盘交给屏幕上写的那一组。等其他人看不到屏幕时再按回车。",
    ),
    "help.turn": (
        "Your team's turn. Pages 1-5 show the situation, your inbox, what you know, your resources "
        "and partners, and the community platform. A adds an order: the list shows every action, "
        "its cost, and why it is not possible now. W withdraws the highlighted order. I shares "
        "information, G gives resources, J invites others to a joint action, M posts a message. "
        "S submits your orders (final for this turn). "
        "Escape leaves the screen; orders stay placed.",
        "本组的回合。1-5 页分别是：态势、收到的消息、掌握的信息、"
        "资源与协作、社区平台。A 下达行动：列表中有每项行动、"
        "消耗和现在不能采取的原因。W 撤回选中的行动。I 通报信息，"
        "G 调拨资源，J 邀请其他方联合行动，M 在平台发消息。"
        "S 提交本轮行动（提交后不能修改）。Esc 离开本页，已下达的行动仍然有效。",
    ),
    "help.order": (
        "Choose an action with the arrow keys: ✓ means possible now, ✗ not possible, and the "
        "reason is shown on the right. Enter moves to the fields the action needs (target, "
        "information, receiver, amount). Ctrl+S places the order. If it is refused, the reason is "
        "shown and everything you filled in stays.",
        "用方向键选择行动：✓ 表示现在可以，✗ 表示不可以，"
        "右边写着原因。回车跳到需要填写的项目（对象、信息、接收方、数量）。"
        "Ctrl+S 确认下达。如果被拒绝，会说明原因，已填写的内容不会丢失。",
    ),
    "help.joint": (
        "A joint action succeeds only if enough roles "
        "order it in the same turn, and it is stronger. "
        "Choose the action, tick the partners with Space, choose the target, and send with Ctrl+S.",
        "联合行动需要足够多的角色在同一轮下达才能成功，效果也更好。"
        "选择行动，用空格键勾选伙伴，选择对象，Ctrl+S 发出邀请。",
    ),
    "help.post": (
        "Type a message for every role and press Enter. Escape closes without sending.",
        "输入发给所有角色的消息，然后按回车。按 Esc 不发送并关闭。",
    ),
    "help.console": (
        "Only the facilitator sees this screen. Tables: who has submitted. Orders: what every "
        "table ordered. Injects: the scenario's events — R releases the highlighted one now, H "
        "holds it back, X skips it, N writes a new one. M posts a message on the community "
        "platform. P pauses the drill and the timer. O "
        "overrides the rules with a reason. V shows or hides the scores from the players. 1-4 "
        "enters a table's decisions. C closes the turn and resolves it. E ends the drill.",
        "这一页只给主持人看。席位：谁已提交。行动：各组本轮的行动。"
        "注入：剧本中的事件 —— R 立即发布选中的注入，"
        "H 暂缓，X 跳过，N 新写一条。M 在社区信息平台发消息。P 暂停演练和计时。"
        "O 说明原因后人工调整。V 对学员显示或隐藏得分。"
        "1-4 进入某组录入决定。C 结束本轮并结算。E 结束演练。",
    ),
    "help.inject": (
        "Write an inject of your own. It is released at once to the roles you tick (none ticked: "
        "everyone). Ctrl+S releases it.",
        "写一条临时注入，立即发给勾选的角色（都不选即发给所有人）。Ctrl+S 发布。",
    ),
    "help.override": (
        "Change the drill by hand when the rules do not fit what happened at the table. A reason "
        "is required and kept in the drill's record.",
        "当规则与现场情况不符时人工调整。必须填写原因，原因会记入演练记录。",
    ),
    "help.paused": (
        "The drill is paused. Press Enter or P to resume.",
        "演练已暂停。按回车或 P 继续。",
    ),
    "help.sitrep": (
        "What happened this turn: what the hazard did, what each order did and why, which "
        "expected responses were met, and how the community stands. Press Enter to go on.",
        "本轮发生了什么：灾情的影响、每项行动的结果和原因、"
        "期望的应对是否完成、社区现状。按回车继续。",
    ),
    "help.end": (
        "The debrief. F5 shows the scores, the objective ratings (P performed, S some challenges, "
        "M major challenges, U unable) and what each role did; F6 the chart of every community "
        "function over the turns; F7 the hot wash, kept as you type. F10 finishes and quits.",
        "复盘。F5 查看得分、目标评级（P 完成良好，S "
        "有些困难，M 困难较大，U 未能完成）和各角色贡献；"
        "F6 查看各项社区功能随轮次的变化；F7 填写即时复盘，内容随时保存。F10 结束并退出。",
    ),
    "help.confirm": (
        "Y or the Yes button confirms; N, Escape or No cancels.",
        "Y 或“是”确认；N、Esc 或“否”取消。",
    ),
    "help.notice": ("Press Enter to close this message.", "按回车关闭这条消息。"),
    "help.error": (
        "Something unexpected happened inside Drill. The "
        "drill was not changed; press Enter to go on.",
        "程序内部出现意外，演练没有改变。按回车继续。",
    ),
    "help.problems": (
        "The scenario file has problems. Fix them in the "
        "file (each line says where), then open it again.",
        "剧本文件有问题。按每一行写的位置修改文件后，再重新打开。",
    ),
    "help.help": ("Press Escape or F1 to close the help.", "按 Esc 或 F1 关闭帮助。"),
}
