"""Traditional → Simplified characters, so that a Taiwan or Hong Kong release
and a mainland article (or the other way round) read with the same words.

Only one-to-one character pairs are listed, taken from the 《通用规范汉字表》
(State Council, 2013), appendix 1 《规范字与繁体字、异体字对照表》, limited to
the characters of statistical releases, company results and news copy
(economy, labour, trade, farming, finance, time and change words).  A
Traditional character that maps to more than one Simplified character
depending on the word (乾 → 干/乾, 著 → 着/著, 藉 → 借/藉) is left out: a wrong
guess there would be worse than none, and the matcher compares words around
figures, where those characters are rare.  No runtime dependency is added
for this (OpenCC would be one).

Comparison only: the text shown to the editor is never converted.
"""

from __future__ import annotations

# Each item is a Traditional character followed by its Simplified form.
_PAIRS = """
個个 們们 來来 時时 國国 會会 對对 與与 這这 為为 爲为 說说 從从 發发 經经 濟济 業业 產产 區区
際际 關关 於于 開开 東东 場场 長长 門门 間间 問问 題题 處处 務务 總总 統统 計计 數数 據据 價价
額额 萬万 億亿 兩两 點点 歲岁 歷历 曆历 當当 現现 實实 應应 營营 員员 調调 農农 糧粮 畝亩 噸吨
積积 單单 麼么 麥麦 穀谷 豐丰 減减 漲涨 較较 類类 貨货 費费 貿贸 買买 賣卖 進进 車车 電电 網网
絡络 線线 組组 織织 紀纪 約约 級级 給给 結结 續续 維维 綜综 緊紧 縮缩 績绩 財财 貸贷 資资 質质
賬账 銀银 錢钱 鐵铁 鋼钢 礦矿 製制 藥药 醫医 療疗 衛卫 險险 隨随 陸陆 陽阳 雙双 難难 離离 雜杂
雲云 靈灵 韓韩 頁页 項项 順顺 預预 領领 頭头 顯显 風风 飛飞 飲饮 飯饭 館馆 養养 餘余 馬马 驗验
體体 鬥斗 魚鱼 鳥鸟 麵面 黃黄 齊齐 齡龄 龍龙 學学 寫写 專专 將将 導导 層层 屆届 島岛 幣币 帶带
師师 幾几 廣广 廠厂 張张 彈弹 復复 徵征 態态 戰战 戶户 擁拥 擴扩 損损 換换 採采 捨舍 撥拨 擇择
擊击 敗败 敵敌 斷断 書书 條条 標标 樓楼 機机 檢检 權权 歐欧 歸归 殘残 氣气 漢汉 準准 溫温 測测
滿满 漁渔 灣湾 災灾 無无 熱热 爭争 獎奖 獨独 環环 畫画 異异 盡尽 監监 盤盘 確确 碼码 礎础 禮礼
種种 稅税 穩稳 競竞 筆笔 節节 範范 築筑 簡简 紅红 納纳 純纯 紙纸 細细 終终 綠绿 緣缘 編编 練练
縣县 繼继 罰罚 義义 習习 聯联 聲声 職职 聽听 腦脑 舉举 舊旧 華华 葉叶 蘇苏 號号 虧亏 補补 複复
見见 規规 視视 親亲 覺觉 觀观 訂订 記记 許许 訪访 設设 評评 詞词 試试 詳详 誌志 認认 語语 談谈
請请 論论 證证 議议 讀读 變变 讓让 貝贝 負负 貢贡 責责 販贩 貧贫 購购 貼贴 貴贵 賓宾 賠赔 賦赋
賺赚 贈赠 趨趋 跡迹 躍跃 軍军 軟软 載载 輕轻 輸输 運运 過过 達达 違违 遠远 適适 選选 遺遗 邊边
郵邮 鄉乡 釋释 針针 銷销 鎮镇 閉闭 閒闲 閱阅 陣阵 階阶 隊队 雖虽 雞鸡 靜静 響响 頂顶 須须 頻频
顧顾 飽饱 騰腾 驚惊 鮮鲜 麗丽 黨党 齒齿 啟启 啓启 臺台 勞劳 動动 參参 尋寻 暫暂 況况 鬆松 緩缓
擬拟 廳厅 園园 圍围 團团 圖图 夥伙 壓压 壞坏 壯壮 並并 佔占 係系 倉仓 倫伦 偉伟 側侧 備备 債债
傳传 傷伤 僅仅 儲储 優优 兒儿 內内 冊册 凍冻 凱凯 則则 剛刚 創创 劃划 劇剧 劑剂 勁劲 勝胜 勢势
勵励 勸劝 匯汇 協协 卻却 厲厉 吳吴 喪丧 嚴严 執执 堅坚 報报 塊块 壇坛 壽寿 夢梦 奪夺 奮奋 婦妇
媽妈 孫孙 寧宁 審审 寬宽 寶宝 屬属 峽峡 崗岗 嶺岭 幫帮 庫库 廢废 後后 徑径 徹彻 惡恶 愛爱 慶庆
憂忧 懷怀 戲戏 擔担 擾扰 攝摄 敘叙 棄弃 楊杨 榮荣 構构 槍枪 樂乐 樣样 樹树 橋桥 檔档 欄栏 歡欢
殺杀 毀毁 決决 沒没 淨净 淺浅 湯汤 滅灭 滬沪 潔洁 潤润 澤泽 濃浓 濕湿 濱滨 烏乌 煙烟 爐炉 牆墙
狀状 猶犹 獲获 畢毕 盜盗 眾众 礙碍 禍祸 稱称 窮穷 簽签 籃篮 籌筹 糾纠 紐纽 紛纷 紹绍 絕绝 絲丝
綱纲 緒绪 締缔 縱纵 繪绘 繳缴 纖纤 罷罢 羅罗 聖圣 聞闻 腳脚 膽胆 臉脸 臨临 艦舰 藝艺 藍蓝 薦荐
蘭兰 蟲虫 衝冲 裝装 裡里 襲袭 覽览 觸触 訊讯 託托 診诊 註注 詢询 詩诗 該该 誤误 誰谁 課课 諸诸
謀谋 講讲 謝谢 識识 譯译 護护 讚赞 豬猪 賞赏 賽赛 趕赶 趙赵 蹤踪 軌轨 輔辅 輛辆 輪轮 轄辖 轉转
辦办 連连 週周 遞递 遷迁 還还 鄭郑 鈔钞 鉅巨 銅铜 鋪铺 錄录 錯错 鍵键 鎊镑 鏈链 鐘钟 鑑鉴 閃闪
閣阁 闆板 闊阔 陳陈 陰阴 隱隐 頓顿 頗颇 顆颗 顏颜 願愿 飼饲 餅饼 騎骑 騙骗 驅驱 鬧闹 魯鲁 鳳凤
鴻鸿 龐庞 龜龟 兌兑 隻只 臟脏 髮发 醬酱 鹽盐 鐘钟 疇畴 壩坝 墾垦 噸吨 蓋盖 蔥葱 藥药 蘋苹 衆众
億亿 筆笔 貫贯 賃赁 賀贺 賴赖 鄰邻 錦锦 鍋锅 鏡镜 鐵铁 閘闸 闖闯 際际 險险 隸隶 雛雏 韻韵 顛颠
飾饰 餵喂 饑饥 駐驻 駕驾 驟骤 髒脏 鬱郁 鹹咸 麼么 黴霉 嘆叹 噴喷 嚇吓 囑嘱 墜坠 墳坟 壟垄
奧奥 妝妆 孿孪 寵宠 屜屉 屢屡 巖岩 帥帅 幟帜 廟庙 廬庐 彎弯 徠徕 憑凭 懲惩 懸悬 懼惧 戀恋
掛挂 掃扫 掙挣 揚扬 揮挥 捲卷 搖摇 搶抢 摟搂 撐撑 撲扑 擋挡 擠挤 擺摆 攜携 攤摊 敵敌 曬晒 朧胧
棟栋 棧栈 極极 槓杠 槳桨 樁桩 橫横 檯台 櫃柜 欖榄 殼壳 氈毡 沖冲 溝沟 漿浆 潛潜 澀涩 濾滤 瀉泻
灑洒 灘滩 燈灯 燒烧 燙烫 營营 爺爷 犢犊 獵猎 獸兽 瑣琐 甕瓮 癢痒 盧卢 矯矫 碩硕 磚砖 礪砺
禦御 穌稣 窩窝 竊窃 筍笋 篩筛 簍篓 籠笼 糧粮 糰团 紡纺 絞绞 絡络 緝缉 縫缝 繩绳 繡绣 纜缆 罈坛
翹翘 聳耸 膠胶 膩腻 臘腊 艙舱 芻刍 莖茎 莊庄 萊莱 蓮莲 蔣蒋 蕭萧 薑姜 薩萨 藹蔼 蘆芦 蠟蜡
衊蔑 袞衮 褲裤 襖袄 覓觅 訣诀 詐诈 詛诅 誇夸 誕诞 諾诺 謊谎 謠谣 譜谱 譴谴 豎竖 貞贞 賄贿 賤贱
賭赌 贓赃 贖赎 趨趋 踐践 蹟迹 軸轴 較较 輝辉 輯辑 轎轿 辭辞 遜逊 遲迟 邁迈 醞酝 釀酿 鈕钮 鋒锋
鋸锯 錫锡 鍍镀 鎖锁 鏟铲 鑄铸 鑽钻 閥阀 闡阐 隕陨 隨随 雋隽 霧雾 韋韦 頸颈 顫颤 颱台 飢饥 餃饺
饒饶 駁驳 騷骚 驕骄 骯肮 鬍胡 鯨鲸 鴨鸭 鵝鹅 鶴鹤 麩麸 黷黩 龕龛 粵粤 臺台 贏赢 網网 貳贰
躉趸 紓纾 貶贬 螢萤 鋰锂 鎳镍 鋁铝 饋馈 彙汇 齡龄 僱雇 詐诈 賑赈 糧粮 貸贷 壇坛
遊游 裏里 涼凉 鬚须 蠶蚕 篤笃 嶼屿 濤涛 潁颍 籤签 瀋沈 遼辽 閩闽 贛赣 瓊琼 興兴 別别 粧妆 菸烟 鹼碱
偵侦 傑杰 僑侨 償偿 儀仪 劉刘 嗎吗 圓圆 夾夹 嬰婴 寢寝 岡冈 帳帐 幹干 廁厕 廈厦 廚厨 恆恒 慘惨 慣惯 慮虑 憤愤 懇恳 懶懒
拋抛 揀拣 搗捣 摯挚 撈捞 撫抚 撿捡 攔拦 攬揽 斃毙 暈晕 暢畅 曉晓 棗枣 楓枫 樞枢 檸柠 櫻樱 毆殴 氫氢 滷卤 漬渍 潑泼 澆浇
濁浊 濫滥 瀏浏 瀕濒 瀝沥 煉炼 煩烦 燦灿 爛烂 犧牺 獄狱 獻献 瘋疯 皺皱 盞盏 瞞瞒 穎颖 窪洼 糞粪 紋纹 絨绒 綁绑 綢绸 緯纬
緻致 縛缚 繭茧 罵骂 脅胁 脈脉 脫脱 腎肾 腸肠 膚肤 葦苇 蒼苍 蕩荡 蘊蕴 虛虚 蝦虾 訓训 訴诉 誠诚 誼谊 諒谅 諮咨 謂谓 謙谦
謹谨 譽誉 豈岂 賊贼 賜赐 賢贤 贊赞 軀躯 軒轩 輩辈 輿舆 辯辩 遙遥 醜丑 釘钉 鈣钙 鈴铃 鉛铅 銘铭 銳锐 鍛锻 鑰钥 閏闰 閑闲
頃顷 閨闺 陝陕 頑顽 頒颁 飄飘 駛驶 駿骏 鳴鸣 鵬鹏 鷹鹰 樺桦 繩绳 紀纪 禱祷 璽玺 竅窍 箋笺 矚瞩 睜睁 癡痴 盃杯 颳刮 饅馒 飪饪
"""


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for item in _PAIRS.split():
        traditional, simplified = item[0], item[1]
        if traditional != simplified:
            table[ord(traditional)] = simplified
    return table


TRADITIONAL_TO_SIMPLIFIED: dict[int, str] = _table()


def to_simplified(text: str) -> str:
    """`text` with every listed Traditional character in its Simplified form."""
    return text.translate(TRADITIONAL_TO_SIMPLIFIED)
