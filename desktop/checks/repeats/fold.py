"""Traditional characters folded to Simplified, so that copy from Hong Kong,
Macao and Taiwan names a metric with the same words as mainland copy.

The same figure is 醫療機構 in one paper and 医疗机构 in another; comparing
metrics character by character needs one spelling.  The table holds the
characters that name what news figures count and measure (institutions,
money, people, trade, health, industry), their units and magnitudes, and the
common function characters; a character not in it is kept as it is, which
can only make two metrics look less alike, never more.  Full-width digits,
letters and signs become their ASCII forms for the same reason.
"""

from __future__ import annotations

# Pairs of (Traditional, Simplified), written as two aligned strings in
# groups of ten so that a wrong pair is easy to spot.
_TRADITIONAL = (
    "萬億個點醫療機構衛愛"
    "實現業產務總數計額價"
    "險員國區縣鄉鎮東書長"
    "門們來時間當發開關後"
    "與為會學級達農區廣場"
    "銷進經濟貿積歲師內網"
    "聯絡證藥費補貼資訊電"
    "腦際營運輸車輛鐵路橋"
    "戶籍開設備規劃環衛檢"
    "測報導選舉齡婦兒童處"
    "療養護術職稅收貸銀行"
    "幣漲漲跌幅質標準單項"
    "類種條協議簽約覆蓋傳"
    "統觀園區鏡頭優勢總體"
    "糧棉飼養豬雞魚蝦蔬菜"
    "塊錢圓廠礦煤氣熱電離"
    "婚姻結離證書辦處罰沒"
    "違規執法調查診斷例該"
    "這種們說話對於從過還"
    "讓給將樣幾邊並併麼無"
    "問題見覺親認識語議論"
    "務勞動員參與組織導領"
    "屬廳頁傳遞滿範圍擴紀"
    "錄據顯較歷史興舊帶隊"
    "額佔億萬維護體驗創業"
    "遊覽區劃縣級鎮鄉村戶"
    "層設施園區廢氣汙污綠"
    "閱讀處隨們術學館聽覽"
    "險險陽陰島灣臺們藝飛"
    "機場歐亞洲澳門樓盤價"
    "宅築擁車輛運輸貨櫃噸"
    "級億產值額營業額銷售"
    "總計約餘週歲災損壞傷"
    "亡禍險救濟補償獎勵勝"
    "負敗賽隊員練習團體個"
)
_SIMPLIFIED = (
    "万亿个点医疗机构卫爱"
    "实现业产务总数计额价"
    "险员国区县乡镇东书长"
    "门们来时间当发开关后"
    "与为会学级达农区广场"
    "销进经济贸积岁师内网"
    "联络证药费补贴资讯电"
    "脑际营运输车辆铁路桥"
    "户籍开设备规划环卫检"
    "测报导选举龄妇儿童处"
    "疗养护术职税收贷银行"
    "币涨涨跌幅质标准单项"
    "类种条协议签约覆盖传"
    "统观园区镜头优势总体"
    "粮棉饲养猪鸡鱼虾蔬菜"
    "块钱圆厂矿煤气热电离"
    "婚姻结离证书办处罚没"
    "违规执法调查诊断例该"
    "这种们说话对于从过还"
    "让给将样几边并并么无"
    "问题见觉亲认识语议论"
    "务劳动员参与组织导领"
    "属厅页传递满范围扩纪"
    "录据显较历史兴旧带队"
    "额占亿万维护体验创业"
    "游览区划县级镇乡村户"
    "层设施园区废气污污绿"
    "阅读处随们术学馆听览"
    "险险阳阴岛湾台们艺飞"
    "机场欧亚洲澳门楼盘价"
    "宅筑拥车辆运输货柜吨"
    "级亿产值额营业额销售"
    "总计约余周岁灾损坏伤"
    "亡祸险救济补偿奖励胜"
    "负败赛队员练习团体个"
)
_FULLWIDTH = "０１２３４５６７８９．，％＋－"
_ASCII = "0123456789.,%+-"

_TABLE = str.maketrans(_TRADITIONAL + _FULLWIDTH, _SIMPLIFIED + _ASCII)


def fold(text: str) -> str:
    """`text` with Traditional characters in Simplified form and full-width digits in ASCII."""
    return text.translate(_TABLE)
