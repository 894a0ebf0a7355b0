"""MP403 page-furniture: tables of furniture in the site's languages, and text that is not."""

from __future__ import annotations

import pytest

from multipub import Config, check
from multipub.checks.furniture import furniture_in
from tests.conftest import make_article


@pytest.mark.parametrize(
    ("lang", "text", "what", "found"),
    [
        ("ar", "93 مشاهدة", "a view counter", "93 مشاهدة"),
        ("ar", "٩٣ مشاهدة", "a view counter", "٩٣ مشاهدة"),
        ("ar", "عدد المشاهدات: 1520", "a view counter", "عدد المشاهدات: 1520"),
        ("vi", "1.245 lượt xem", "a view counter", "1.245 lượt xem"),
        ("ru", "Просмотров: 310", "a view counter", "Просмотров: 310"),
        ("zh-Hans", "1200次浏览", "a view counter", "1200次浏览"),
        ("ar", "تعليق (0)", "a comment counter", "تعليق (0)"),
        ("en", "Comments (12)", "a comment counter", "Comments (12)"),
        ("ru", "Комментарии", "a comment counter", "Комментарии"),
        ("ar", "مصدر", "a source label", "مصدر"),
        ("vi", "Nguồn:", "a source label", "Nguồn:"),
        ("fr", "Partager sur Facebook", "a share widget", "Partager sur Facebook"),
        ("en", "Facebook Twitter Email", "a share widget", "Facebook Twitter Email"),
        ("vi", "Thứ Năm, 28/09/2023 | 20:15:07", "a date stamp", "Thứ Năm, 28/09/2023 | 20:15:07"),
        ("ar", "الأربعاء 13 مارس 2024 | 09:41", "a date stamp", "الأربعاء 13 مارس 2024 | 09:41"),
        (
            "en",
            "https://news.example/vi/hoi-nghi-123.html",
            "a bare link",
            "https://news.example/vi/hoi-nghi-123.html",
        ),
        (
            "ar",
            "فيديو: 1403-h%E1%BB%8Dp_t%E1%BB%89nh.mp4?_t=1710411300",
            "a media file name in Vietnamese",
            "1403-h%E1%BB%8Dp_t%E1%BB%89nh.mp4?_t=1710411300",
        ),
        ("ru", "Смотрите видео hop-bao.mp4 на сайте", "a media file name", "hop-bao.mp4"),
        (
            "en",
            "Delegates at the ceremony. Ảnh: Minh Châu",
            "a Vietnamese photo credit",
            "Ảnh: Minh Châu",
        ),
        ("es", "Los delegados en la ceremonia (ảnh 2)", "a Vietnamese photo credit", "ảnh 2)"),
        (
            "en",
            "The bridge opened on Monday. Video: Tan Lap Bridge opens to traffic",
            "a video or clip credit line",
            "Video: Tan Lap Bridge opens to traffic",
        ),
        ("zh-Hans", "阅读 1234", "a view counter", "阅读 1234"),
        ("zh-Hans", "1234 阅读", "a view counter", "1234 阅读"),
        ("zh-Hans", "浏览 86", "a view counter", "浏览 86"),
        ("vi", "Nguồn: TTXVN", "a source line", "Nguồn: TTXVN"),
        ("en", "Source: Ministry of Finance", "a source line", "Source: Ministry of Finance"),
        (
            "ar",
            "المصدر: وكالة الأنباء الفيتنامية",
            "a source line",
            "المصدر: وكالة الأنباء الفيتنامية",
        ),
        ("ar", "افتتح المؤتمر&nbsp;صباح اليوم في المقاطعة.", "leftover markup", "&nbsp;"),
        ("ru", 'Конференция <g id="3">открылась</g> утром.', "leftover markup", '<g id="3">'),
        ("vi", "Hội nghị khai mạc sáng nay.</p>", "leftover markup", "</p>"),
        ("zh-Hans", "会议于今天上午开幕。<br/>", "leftover markup", "<br/>"),
        # a view counter glued to the end of a paragraph
        (
            "en",
            "The ministry will report the results to the Government in April. 1.234 lượt xem",
            "a view counter",
            "1.234 lượt xem",
        ),
        (
            "ru",
            "Министерство доложит правительству о результатах в апреле. 1 234 просмотра",
            "a view counter",
            "1 234 просмотра",
        ),
        (
            "ar",
            "ستقدم الوزارة تقريرها إلى الحكومة في أبريل. 1234 مشاهدة",
            "a view counter",
            "1234 مشاهدة",
        ),
        ("zh-Hans", "该部将于四月向政府报告结果。阅读量：1234", "a view counter", "阅读量：1234"),
        ("zh-Hans", "该部要求各学校让学生停课。1234次浏览", "a view counter", "1234次浏览"),
        # ... and share widgets and comment counters
        (
            "en",
            "The first metro line opens in May. Share on Facebook | 12 comments",
            "a share widget",
            "Share on Facebook | 12 comments",
        ),
        (
            "ru",
            "Первая линия метро откроется в мае. 12 комментариев",
            "a comment counter",
            "12 комментариев",
        ),
        # ... with a print button after them
        (
            "en",
            "Police recovered the money. 2,345 views | Print",
            "a view counter",
            "2,345 views | Print",
        ),
        (
            "fr",
            "La police a récupéré l'argent. 2 345 vues | Imprimer",
            "a view counter",
            "2 345 vues | Imprimer",
        ),
        # a row of share buttons, a block of its own or glued to the paragraph
        ("en", "Share | Print", "a share widget", "Share | Print"),
        ("fr", "Partager | Imprimer", "a share widget", "Partager | Imprimer"),
        ("zh-Hans", "分享到：微信 | 微博 | 打印", "a share widget", "分享到：微信 | 微博 | 打印"),
        (
            "zh-Hans",
            "该省榴莲价格上涨了20%。分享到：微信 | 微博 | 打印",
            "a share widget",
            "分享到：微信 | 微博 | 打印",
        ),
        (
            "ar",
            "ارتفعت أسعار الأرز بنسبة 20%. شارك على فيسبوك | طباعة",
            "a share widget",
            "شارك على فيسبوك | طباعة",
        ),
    ],
)
def test_furniture(lang: str, text: str, what: str, found: str) -> None:
    [(start, end, message)] = list(furniture_in(text, lang))
    assert message.startswith(what)
    assert text[start:end].strip() == found.strip()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", "Ảnh: Minh Châu"),  # a credit in the source's own language is the caption's
        ("en", "Photo: VNA"),
        ("en", "The source of the Lam River is in the mountains of Hoa Giang."),
        ("en", "Views differed among the delegates, who met at 14:30 on May 20."),
        ("vi", "Hội nghị khai mạc lúc 14:30 ngày 28/9 tại Hà Nội."),
        ("ar", "شارك في المؤتمر أكثر من 300 مندوب من المقاطعات والمدن."),
        ("ru", "Комментарии экспертов были опубликованы в докладе министерства в марте."),
        ("zh-Hans", "评论员认为，该省的经济增长将在2025年加快。"),
        ("fr", "Le rapport de 120 pages a été publié le 28 septembre."),
        ("en", "Exports rose where costs < 5% and AT&T signed, as 3 < 4 > 2 shows."),
        ("ru", "Компания «Ростелеком» & партнёры: рост <5%."),
        ("ar", "ارتفعت الصادرات بنسبة <10% مقارنة بالعام الماضي."),
        # a count of views that the sentence itself reports
        ("en", "The clip about the flood had been watched often: it had 1,234 views."),
        ("ru", "Ролик о наводнении за сутки набрал 1 234 просмотра."),
        ("vi", "Đoạn clip về trận lũ đã thu hút hơn 1.500 lượt xem."),
        ("ru", "Видео набрало 1.200 просмотров."),
        # words of share widgets and comments in prose
        ("en", "He declined to comment. The ministry shared the data with 12 provinces."),
        # a print button's word alone ends no paragraph as furniture
        ("en", "The ministry will publish the guide online and in print."),
        ("ru", "Доклад уже ушёл в печать."),
        ("ru", "Мы рады поделиться опытом."),
        # sharing in prose, with a network's name
        ("zh-Hans", "他在微信上分享了照片，并表示将继续努力。"),
        ("ar", "شارك على فيسبوك صورا من المهرجان الذي حضره الآلاف."),
    ],
)
def test_clean_text(lang: str, text: str) -> None:
    assert list(furniture_in(text, lang)) == []


def test_mp403_on_an_article() -> None:
    article = make_article(
        {
            "vi": ["Hội nghị tổng kết năm 2024.", "Nguồn: Báo tỉnh"],
            "ar": ["120 مشاهدة", "مؤتمر لتقييم عام 2024.", "تعليق (0)", "المصدر: صحيفة المقاطعة"],
        }
    )
    findings = check(article, config=Config(select=("MP403",)))
    # The source line is the source's furniture: reported once, there, with the Arabic
    # block that carries it in related; the counters are the Arabic page's own.
    assert [(f.lang, f.block) for f in findings] == [("ar", 0), ("ar", 2), ("vi", 1)]
    assert [(r.lang, r.block) for r in findings[2].related] == [("ar", 3)]


def test_furniture_of_the_source_left_out_of_translations_is_no_dropped_block() -> None:
    article = make_article(
        {
            "vi": ["Giá lúa tăng mạnh trong tuần qua.", "1.234 lượt xem"],
            "ru": ["Цены на рис резко выросли за последнюю неделю."],
            "zh-Hans": ["上周稻谷价格大幅上涨。"],
        }
    )
    findings = check(article, config=Config(select=("MP403", "MP502")))
    # Said once, on the source: the translations do right to leave the counter out.
    assert [(f.code, f.lang) for f in findings] == [("MP403", "vi")]
