; *** Inno Setup 6 (6.5.0 and later): Vietnamese messages for Drafter's installer ***
;
; Inno Setup ships no official Vietnamese translation; this one is Drafter's own, made
; from the English Default.isl of Inno Setup 6.7 (the same message names as 7.x).
; The file is UTF-8 with a byte order mark, as Inno Setup's Unicode compiler expects.
; Terms used throughout: Setup = Trình cài đặt, Uninstall = Trình gỡ cài đặt,
; shortcut = lối tắt, folder = thư mục, Start Menu = menu Start, Next = Tiếp theo,
; Back = Quay lại, Cancel = Hủy, Browse = Duyệt, Finish = Hoàn tất.
; Messages without a final period in English have none here either: Setup adds it.

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A
LanguageCodePage=0

[Messages]

; *** Application titles
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt - %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1

; *** Misc. common
InformationTitle=Thông tin
ConfirmTitle=Xác nhận
ErrorTitle=Lỗi

; *** SetupLdr messages
SetupLdrStartupMessage=Chương trình này sẽ cài đặt %1. Bạn có muốn tiếp tục không?
LdrCannotCreateTemp=Không thể tạo tệp tạm. Trình cài đặt đã dừng
LdrCannotExecTemp=Không thể chạy tệp trong thư mục tạm. Trình cài đặt đã dừng
HelpTextNote=

; *** Startup error messages
LastErrorMessage=%1.%n%nLỗi %2: %3
SetupFileMissing=Thư mục cài đặt thiếu tệp %1. Vui lòng khắc phục sự cố hoặc lấy một bản sao mới của chương trình.
SetupFileCorrupt=Các tệp cài đặt bị hỏng. Vui lòng lấy một bản sao mới của chương trình.
SetupFileCorruptOrWrongVer=Các tệp cài đặt bị hỏng hoặc không tương thích với phiên bản này của Trình cài đặt. Vui lòng khắc phục sự cố hoặc lấy một bản sao mới của chương trình.
InvalidParameter=Dòng lệnh có một tham số không hợp lệ:%n%n%1
SetupAlreadyRunning=Trình cài đặt đang chạy.
WindowsVersionNotSupported=Chương trình này không hỗ trợ phiên bản Windows mà máy tính của bạn đang chạy.
WindowsServicePackRequired=Chương trình này cần %1 Service Pack %2 trở lên.
NotOnThisPlatform=Chương trình này sẽ không chạy trên %1.
OnlyOnThisPlatform=Chương trình này phải được chạy trên %1.
OnlyOnTheseArchitectures=Chương trình này chỉ có thể được cài đặt trên các phiên bản Windows dành cho những kiến trúc bộ xử lý sau:%n%n%1
WinVersionTooLowError=Chương trình này cần %1 phiên bản %2 trở lên.
WinVersionTooHighError=Không thể cài đặt chương trình này trên %1 phiên bản %2 trở lên.
AdminPrivilegesRequired=Bạn phải đăng nhập bằng tài khoản quản trị viên khi cài đặt chương trình này.
PowerUserPrivilegesRequired=Bạn phải đăng nhập bằng tài khoản quản trị viên hoặc thành viên của nhóm Power Users khi cài đặt chương trình này.
SetupAppRunningError=Trình cài đặt phát hiện %1 đang chạy.%n%nVui lòng đóng tất cả các phiên đang chạy của chương trình này ngay bây giờ, rồi bấm OK để tiếp tục, hoặc bấm Hủy để thoát.
UninstallAppRunningError=Trình gỡ cài đặt phát hiện %1 đang chạy.%n%nVui lòng đóng tất cả các phiên đang chạy của chương trình này ngay bây giờ, rồi bấm OK để tiếp tục, hoặc bấm Hủy để thoát.

; *** Startup questions
PrivilegesRequiredOverrideTitle=Chọn chế độ cài đặt
PrivilegesRequiredOverrideInstruction=Chọn chế độ cài đặt
PrivilegesRequiredOverrideText1=%1 có thể được cài đặt cho mọi người dùng (cần quyền quản trị), hoặc chỉ cho riêng bạn.
PrivilegesRequiredOverrideText2=%1 có thể được cài đặt chỉ cho riêng bạn, hoặc cho mọi người dùng (cần quyền quản trị).
PrivilegesRequiredOverrideAllUsers=Cài đặt cho &mọi người dùng
PrivilegesRequiredOverrideAllUsersRecommended=Cài đặt cho &mọi người dùng (khuyến nghị)
PrivilegesRequiredOverrideCurrentUser=Chỉ cài đặt cho &tôi
PrivilegesRequiredOverrideCurrentUserRecommended=Chỉ cài đặt cho &tôi (khuyến nghị)

; *** Misc. errors
ErrorCreatingDir=Trình cài đặt không thể tạo thư mục "%1"
ErrorTooManyFilesInDir=Không thể tạo tệp trong thư mục "%1" vì thư mục này chứa quá nhiều tệp

; *** Setup common messages
ExitSetupTitle=Thoát Trình cài đặt
ExitSetupMessage=Việc cài đặt chưa hoàn tất. Nếu thoát bây giờ, chương trình sẽ không được cài đặt.%n%nBạn có thể chạy lại Trình cài đặt vào lúc khác để hoàn tất việc cài đặt.%n%nThoát Trình cài đặt?
AboutSetupMenuItem=&Giới thiệu Trình cài đặt...
AboutSetupTitle=Giới thiệu Trình cài đặt
AboutSetupMessage=%1 phiên bản %2%n%3%n%nTrang chủ của %1:%n%4
AboutSetupNote=
TranslatorNote=

; *** Buttons
ButtonBack=< &Quay lại
ButtonNext=&Tiếp theo >
ButtonInstall=&Cài đặt
ButtonOK=OK
ButtonCancel=Hủy
ButtonYes=&Có
ButtonYesToAll=Có cho &tất cả
ButtonNo=&Không
ButtonNoToAll=Khô&ng cho tất cả
ButtonFinish=&Hoàn tất
ButtonBrowse=&Duyệt...
ButtonWizardBrowse=Du&yệt...
ButtonNewFolder=Tạo thư &mục mới

; *** "Select Language" dialog messages
SelectLanguageTitle=Chọn ngôn ngữ cài đặt
SelectLanguageLabel=Chọn ngôn ngữ dùng trong khi cài đặt.

; *** Common wizard text
ClickNext=Bấm Tiếp theo để tiếp tục, hoặc bấm Hủy để thoát Trình cài đặt.
BeveledLabel=
BrowseDialogTitle=Chọn thư mục
BrowseDialogLabel=Chọn một thư mục trong danh sách dưới đây, rồi bấm OK.
NewFolderName=Thư mục mới

; *** "Welcome" wizard page
WelcomeLabel1=Chào mừng bạn đến với Trình hướng dẫn cài đặt [name]
WelcomeLabel2=Chương trình này sẽ cài đặt [name/ver] vào máy tính của bạn.%n%nBạn nên đóng tất cả các ứng dụng khác trước khi tiếp tục.

; *** "Password" wizard page
WizardPassword=Mật khẩu
PasswordLabel1=Bản cài đặt này được bảo vệ bằng mật khẩu.
PasswordLabel3=Vui lòng nhập mật khẩu, rồi bấm Tiếp theo để tiếp tục. Mật khẩu phân biệt chữ hoa và chữ thường.
PasswordEditLabel=&Mật khẩu:
IncorrectPassword=Mật khẩu bạn nhập không đúng. Vui lòng thử lại.

; *** "License Agreement" wizard page
WizardLicense=Thỏa thuận cấp phép
LicenseLabel=Vui lòng đọc những thông tin quan trọng sau đây trước khi tiếp tục.
LicenseLabel3=Vui lòng đọc Thỏa thuận cấp phép sau đây. Bạn phải chấp nhận các điều khoản của thỏa thuận này trước khi tiếp tục cài đặt.
LicenseAccepted=Tôi &chấp nhận thỏa thuận
LicenseNotAccepted=Tôi &không chấp nhận thỏa thuận

; *** "Information" wizard pages
WizardInfoBefore=Thông tin
InfoBeforeLabel=Vui lòng đọc những thông tin quan trọng sau đây trước khi tiếp tục.
InfoBeforeClickLabel=Khi đã sẵn sàng tiếp tục cài đặt, hãy bấm Tiếp theo.
WizardInfoAfter=Thông tin
InfoAfterLabel=Vui lòng đọc những thông tin quan trọng sau đây trước khi tiếp tục.
InfoAfterClickLabel=Khi đã sẵn sàng tiếp tục cài đặt, hãy bấm Tiếp theo.

; *** "User Information" wizard page
WizardUserInfo=Thông tin người dùng
UserInfoDesc=Vui lòng nhập thông tin của bạn.
UserInfoName=&Tên người dùng:
UserInfoOrg=Tổ &chức:
UserInfoSerial=&Số sê-ri:
UserInfoNameRequired=Bạn phải nhập tên.

; *** "Select Destination Location" wizard page
WizardSelectDir=Chọn vị trí cài đặt
SelectDirDesc=Bạn muốn cài đặt [name] vào đâu?
SelectDirLabel3=Trình cài đặt sẽ cài đặt [name] vào thư mục sau.
SelectDirBrowseLabel=Để tiếp tục, hãy bấm Tiếp theo. Nếu muốn chọn một thư mục khác, hãy bấm Duyệt.
DiskSpaceGBLabel=Cần ít nhất [gb] GB dung lượng đĩa trống.
DiskSpaceMBLabel=Cần ít nhất [mb] MB dung lượng đĩa trống.
CannotInstallToNetworkDrive=Trình cài đặt không thể cài đặt vào ổ đĩa mạng.
CannotInstallToUNCPath=Trình cài đặt không thể cài đặt vào đường dẫn UNC.
InvalidPath=Bạn phải nhập đường dẫn đầy đủ có ký tự ổ đĩa, ví dụ:%n%nC:\APP%n%nhoặc một đường dẫn UNC có dạng:%n%n\\server\share
InvalidDrive=Ổ đĩa hoặc thư mục chia sẻ UNC bạn chọn không tồn tại hoặc không truy cập được. Vui lòng chọn nơi khác.
DiskSpaceWarningTitle=Không đủ dung lượng đĩa
DiskSpaceWarning=Trình cài đặt cần ít nhất %1 KB dung lượng trống để cài đặt, nhưng ổ đĩa đã chọn chỉ còn %2 KB.%n%nBạn vẫn muốn tiếp tục chứ?
DirNameTooLong=Tên thư mục hoặc đường dẫn quá dài.
InvalidDirName=Tên thư mục không hợp lệ.
BadDirName32=Tên thư mục không được chứa ký tự nào trong số các ký tự sau:%n%n%1
DirExistsTitle=Thư mục đã tồn tại
DirExists=Thư mục:%n%n%1%n%nđã tồn tại. Bạn vẫn muốn cài đặt vào thư mục đó chứ?
DirDoesntExistTitle=Thư mục không tồn tại
DirDoesntExist=Thư mục:%n%n%1%n%nkhông tồn tại. Bạn có muốn tạo thư mục này không?

; *** "Select Components" wizard page
WizardSelectComponents=Chọn thành phần
SelectComponentsDesc=Bạn muốn cài đặt những thành phần nào?
SelectComponentsLabel2=Chọn các thành phần bạn muốn cài đặt; bỏ chọn các thành phần bạn không muốn cài đặt. Bấm Tiếp theo khi đã sẵn sàng tiếp tục.
FullInstallation=Cài đặt đầy đủ
CompactInstallation=Cài đặt gọn
CustomInstallation=Cài đặt tùy chỉnh
NoUninstallWarningTitle=Thành phần đã có
NoUninstallWarning=Trình cài đặt phát hiện các thành phần sau đã được cài đặt trên máy tính của bạn:%n%n%1%n%nBỏ chọn các thành phần này sẽ không gỡ cài đặt chúng.%n%nBạn vẫn muốn tiếp tục chứ?
ComponentSize1=%1 KB
ComponentSize2=%1 MB
ComponentsDiskSpaceGBLabel=Lựa chọn hiện tại cần ít nhất [gb] GB dung lượng đĩa.
ComponentsDiskSpaceMBLabel=Lựa chọn hiện tại cần ít nhất [mb] MB dung lượng đĩa.

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Chọn tác vụ bổ sung
SelectTasksDesc=Bạn muốn thực hiện những tác vụ bổ sung nào?
SelectTasksLabel2=Chọn các tác vụ bổ sung bạn muốn Trình cài đặt thực hiện trong khi cài đặt [name], rồi bấm Tiếp theo.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Chọn thư mục trong menu Start
SelectStartMenuFolderDesc=Trình cài đặt nên đặt các lối tắt của chương trình ở đâu?
SelectStartMenuFolderLabel3=Trình cài đặt sẽ tạo các lối tắt của chương trình trong thư mục sau của menu Start.
SelectStartMenuFolderBrowseLabel=Để tiếp tục, hãy bấm Tiếp theo. Nếu muốn chọn một thư mục khác, hãy bấm Duyệt.
MustEnterGroupName=Bạn phải nhập tên thư mục.
GroupNameTooLong=Tên thư mục hoặc đường dẫn quá dài.
InvalidGroupName=Tên thư mục không hợp lệ.
BadGroupName=Tên thư mục không được chứa ký tự nào trong số các ký tự sau:%n%n%1
NoProgramGroupCheck2=&Không tạo thư mục trong menu Start

; *** "Ready to Install" wizard page
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Trình cài đặt đã sẵn sàng bắt đầu cài đặt [name] vào máy tính của bạn.
ReadyLabel2a=Bấm Cài đặt để tiếp tục cài đặt, hoặc bấm Quay lại nếu bạn muốn xem lại hay thay đổi thiết lập nào đó.
ReadyLabel2b=Bấm Cài đặt để tiếp tục cài đặt.
ReadyMemoUserInfo=Thông tin người dùng:
ReadyMemoDir=Vị trí cài đặt:
ReadyMemoType=Kiểu cài đặt:
ReadyMemoComponents=Các thành phần đã chọn:
ReadyMemoGroup=Thư mục trong menu Start:
ReadyMemoTasks=Các tác vụ bổ sung:

; *** TDownloadWizardPage wizard page and DownloadTemporaryFile
DownloadingLabel2=Đang tải tệp xuống...
ButtonStopDownload=&Dừng tải xuống
StopDownload=Bạn có chắc muốn dừng tải xuống không?
ErrorDownloadAborted=Đã hủy tải xuống
ErrorDownloadFailed=Tải xuống không thành công: %1 %2
ErrorDownloadSizeFailed=Không lấy được kích thước: %1 %2
ErrorProgress=Tiến độ không hợp lệ: %1 trên %2
ErrorFileSize=Kích thước tệp không hợp lệ: cần %1, nhận được %2

; *** TExtractionWizardPage wizard page and ExtractArchive
ExtractingLabel=Đang giải nén tệp...
ButtonStopExtraction=&Dừng giải nén
StopExtraction=Bạn có chắc muốn dừng giải nén không?
ErrorExtractionAborted=Đã hủy giải nén
ErrorExtractionFailed=Giải nén không thành công: %1

; *** Archive extraction failure details
ArchiveIncorrectPassword=Mật khẩu không đúng
ArchiveIsCorrupted=Tệp nén bị hỏng
ArchiveUnsupportedFormat=Định dạng tệp nén không được hỗ trợ

; *** "Preparing to Install" wizard page
WizardPreparing=Chuẩn bị cài đặt
PreparingDesc=Trình cài đặt đang chuẩn bị cài đặt [name] vào máy tính của bạn.
PreviousInstallNotCompleted=Việc cài đặt hoặc gỡ bỏ một chương trình trước đó chưa hoàn tất. Bạn cần khởi động lại máy tính để hoàn tất việc đó.%n%nSau khi khởi động lại máy tính, hãy chạy lại Trình cài đặt để hoàn tất việc cài đặt [name].
CannotContinue=Trình cài đặt không thể tiếp tục. Vui lòng bấm Hủy để thoát.
ApplicationsFound=Các ứng dụng sau đang dùng những tệp mà Trình cài đặt cần cập nhật. Bạn nên cho phép Trình cài đặt tự động đóng các ứng dụng này.
ApplicationsFound2=Các ứng dụng sau đang dùng những tệp mà Trình cài đặt cần cập nhật. Bạn nên cho phép Trình cài đặt tự động đóng các ứng dụng này. Sau khi cài đặt xong, Trình cài đặt sẽ thử khởi động lại các ứng dụng đó.
CloseApplications=&Tự động đóng các ứng dụng
DontCloseApplications=&Không đóng các ứng dụng
ErrorCloseApplications=Trình cài đặt không thể tự động đóng tất cả các ứng dụng. Bạn nên đóng tất cả các ứng dụng đang dùng những tệp mà Trình cài đặt cần cập nhật trước khi tiếp tục.
PrepareToInstallNeedsRestart=Trình cài đặt phải khởi động lại máy tính của bạn. Sau khi khởi động lại máy tính, hãy chạy lại Trình cài đặt để hoàn tất việc cài đặt [name].%n%nBạn có muốn khởi động lại ngay bây giờ không?

; *** "Installing" wizard page
WizardInstalling=Đang cài đặt
InstallingLabel=Vui lòng chờ trong khi Trình cài đặt cài đặt [name] vào máy tính của bạn.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=Hoàn tất Trình hướng dẫn cài đặt [name]
FinishedLabelNoIcons=Trình cài đặt đã cài đặt xong [name] vào máy tính của bạn.
FinishedLabel=Trình cài đặt đã cài đặt xong [name] vào máy tính của bạn. Có thể mở ứng dụng bằng các lối tắt đã được cài đặt.
ClickFinish=Bấm Hoàn tất để thoát Trình cài đặt.
FinishedRestartLabel=Để hoàn tất việc cài đặt [name], Trình cài đặt phải khởi động lại máy tính của bạn. Bạn có muốn khởi động lại ngay bây giờ không?
FinishedRestartMessage=Để hoàn tất việc cài đặt [name], Trình cài đặt phải khởi động lại máy tính của bạn.%n%nBạn có muốn khởi động lại ngay bây giờ không?
ShowReadmeCheck=Có, tôi muốn xem tệp README
YesRadio=&Có, khởi động lại máy tính ngay bây giờ
NoRadio=&Không, tôi sẽ khởi động lại máy tính sau
; used for example as 'Run MyProg.exe'
RunEntryExec=Chạy %1
; used for example as 'View Readme.txt'
RunEntryShellExec=Xem %1

; *** "Setup Needs the Next Disk" stuff
ChangeDiskTitle=Trình cài đặt cần đĩa tiếp theo
SelectDiskLabel2=Vui lòng đưa đĩa %1 vào rồi bấm OK.%n%nNếu các tệp trên đĩa này nằm trong một thư mục khác với thư mục hiển thị dưới đây, hãy nhập đường dẫn đúng hoặc bấm Duyệt.
PathLabel=Đường &dẫn:
FileNotInDir2=Không tìm thấy tệp "%1" trong "%2". Vui lòng đưa vào đúng đĩa hoặc chọn một thư mục khác.
SelectDirectoryLabel=Vui lòng cho biết vị trí của đĩa tiếp theo.

; *** Installation phase messages
SetupAborted=Việc cài đặt chưa hoàn tất.%n%nVui lòng khắc phục sự cố rồi chạy lại Trình cài đặt.
AbortRetryIgnoreSelectAction=Chọn thao tác
AbortRetryIgnoreRetry=&Thử lại
AbortRetryIgnoreIgnore=&Bỏ qua lỗi và tiếp tục
AbortRetryIgnoreCancel=Hủy cài đặt
RetryCancelSelectAction=Chọn thao tác
RetryCancelRetry=&Thử lại
RetryCancelCancel=Hủy

; *** Installation status messages
StatusClosingApplications=Đang đóng các ứng dụng...
StatusCreateDirs=Đang tạo thư mục...
StatusExtractFiles=Đang giải nén tệp...
StatusDownloadFiles=Đang tải tệp xuống...
StatusCreateIcons=Đang tạo lối tắt...
StatusCreateIniEntries=Đang tạo mục INI...
StatusCreateRegistryEntries=Đang tạo mục trong sổ đăng ký...
StatusRegisterFiles=Đang đăng ký tệp...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
StatusRunProgram=Đang hoàn tất cài đặt...
StatusRestartingApplications=Đang khởi động lại các ứng dụng...
StatusRollback=Đang hoàn tác các thay đổi...

; *** Misc. errors
ErrorInternal2=Lỗi nội bộ: %1
ErrorFunctionFailedNoCode=%1 không thành công
ErrorFunctionFailed=%1 không thành công; mã %2
ErrorFunctionFailedWithMessage=%1 không thành công; mã %2.%n%3
ErrorExecutingProgram=Không thể chạy tệp:%n%1

; *** Registry errors
ErrorRegOpenKey=Lỗi khi mở khóa sổ đăng ký:%n%1\%2
ErrorRegCreateKey=Lỗi khi tạo khóa sổ đăng ký:%n%1\%2
ErrorRegWriteKey=Lỗi khi ghi vào khóa sổ đăng ký:%n%1\%2

; *** INI errors
ErrorIniEntry=Lỗi khi tạo mục INI trong tệp "%1".

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=Bỏ &qua tệp này (không khuyến nghị)
FileAbortRetryIgnoreIgnoreNotRecommended=&Bỏ qua lỗi và tiếp tục (không khuyến nghị)
SourceIsCorrupted=Tệp nguồn bị hỏng
SourceDoesntExist=Tệp nguồn "%1" không tồn tại
SourceVerificationFailed=Không kiểm chứng được tệp nguồn: %1
VerificationSignatureDoesntExist=Tệp chữ ký "%1" không tồn tại
VerificationSignatureInvalid=Tệp chữ ký "%1" không hợp lệ
VerificationKeyNotFound=Tệp chữ ký "%1" dùng một khóa không xác định
VerificationFileNameIncorrect=Tên của tệp không đúng
VerificationFileTagIncorrect=Thẻ của tệp không đúng
VerificationFileSizeIncorrect=Kích thước của tệp không đúng
VerificationFileHashIncorrect=Mã băm của tệp không đúng
ExistingFileReadOnly2=Không thể thay thế tệp hiện có vì tệp này được đánh dấu chỉ đọc.
ExistingFileReadOnlyRetry=&Bỏ thuộc tính chỉ đọc rồi thử lại
ExistingFileReadOnlyKeepExisting=&Giữ tệp hiện có
ErrorReadingExistingDest=Đã xảy ra lỗi khi đọc tệp hiện có:
FileExistsSelectAction=Chọn thao tác
FileExists2=Tệp đã tồn tại.
FileExistsOverwriteExisting=&Ghi đè tệp hiện có
FileExistsKeepExisting=Giữ tệp &hiện có
FileExistsOverwriteOrKeepAll=&Làm như vậy với các xung đột tiếp theo
ExistingFileNewerSelectAction=Chọn thao tác
ExistingFileNewer2=Tệp hiện có mới hơn tệp mà Trình cài đặt đang định cài đặt.
ExistingFileNewerOverwriteExisting=&Ghi đè tệp hiện có
ExistingFileNewerKeepExisting=Giữ tệp &hiện có (khuyến nghị)
ExistingFileNewerOverwriteOrKeepAll=&Làm như vậy với các xung đột tiếp theo
ErrorChangingAttr=Đã xảy ra lỗi khi thay đổi thuộc tính của tệp hiện có:
ErrorCreatingTemp=Đã xảy ra lỗi khi tạo tệp trong thư mục đích:
ErrorReadingSource=Đã xảy ra lỗi khi đọc tệp nguồn:
ErrorCopying=Đã xảy ra lỗi khi sao chép tệp:
ErrorDownloading=Đã xảy ra lỗi khi tải tệp xuống:
ErrorExtracting=Đã xảy ra lỗi khi giải nén tệp nén:
ErrorReplacingExistingFile=Đã xảy ra lỗi khi thay thế tệp hiện có:
ErrorRestartReplace=RestartReplace không thành công:
ErrorRenamingTemp=Đã xảy ra lỗi khi đổi tên tệp trong thư mục đích:
ErrorRegisterServer=Không thể đăng ký DLL/OCX: %1
ErrorRegSvr32Failed=RegSvr32 không thành công, mã thoát %1
ErrorRegisterTypeLib=Không thể đăng ký thư viện kiểu: %1

; *** Uninstall display name markings
; used for example as 'My Program (32-bit)'
UninstallDisplayNameMark=%1 (%2)
; used for example as 'My Program (32-bit, All users)'
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32 bit
UninstallDisplayNameMark64Bit=64 bit
UninstallDisplayNameMarkAllUsers=Mọi người dùng
UninstallDisplayNameMarkCurrentUser=Người dùng hiện tại

; *** Post-installation errors
ErrorOpeningReadme=Đã xảy ra lỗi khi mở tệp README.
ErrorRestartingComputer=Trình cài đặt không thể khởi động lại máy tính. Vui lòng tự khởi động lại.

; *** Uninstaller messages
UninstallNotFound=Tệp "%1" không tồn tại. Không thể gỡ cài đặt.
UninstallOpenError=Không mở được tệp "%1". Không thể gỡ cài đặt
UninstallUnsupportedVer=Tệp nhật ký gỡ cài đặt "%1" có định dạng mà phiên bản này của Trình gỡ cài đặt không nhận ra. Không thể gỡ cài đặt
UninstallUnknownEntry=Gặp một mục không xác định (%1) trong nhật ký gỡ cài đặt
ConfirmUninstall=Bạn có chắc muốn gỡ bỏ hoàn toàn %1 và tất cả các thành phần của nó không?
UninstallOnlyOnWin64=Chỉ có thể gỡ cài đặt bản cài đặt này trên Windows 64 bit.
OnlyAdminCanUninstall=Chỉ người dùng có quyền quản trị mới có thể gỡ cài đặt bản cài đặt này.
UninstallStatusLabel=Vui lòng chờ trong khi %1 được gỡ khỏi máy tính của bạn.
UninstalledAll=Đã gỡ bỏ thành công %1 khỏi máy tính của bạn.
UninstalledMost=Đã gỡ cài đặt xong %1.%n%nMột số mục không thể gỡ bỏ. Bạn có thể tự xóa các mục này.
UninstalledAndNeedsRestart=Để hoàn tất việc gỡ cài đặt %1, máy tính của bạn phải được khởi động lại.%n%nBạn có muốn khởi động lại ngay bây giờ không?
UninstallDataCorrupted=Tệp "%1" bị hỏng. Không thể gỡ cài đặt

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=Gỡ bỏ tệp dùng chung?
ConfirmDeleteSharedFile2=Hệ thống cho biết tệp dùng chung sau không còn được chương trình nào sử dụng. Bạn có muốn Trình gỡ cài đặt gỡ bỏ tệp dùng chung này không?%n%nNếu vẫn còn chương trình dùng tệp này mà tệp bị gỡ bỏ, các chương trình đó có thể không hoạt động bình thường. Nếu không chắc chắn, hãy chọn Không. Để tệp lại trên hệ thống sẽ không gây hại gì.
SharedFileNameLabel=Tên tệp:
SharedFileLocationLabel=Vị trí:
WizardUninstalling=Trạng thái gỡ cài đặt
StatusUninstalling=Đang gỡ cài đặt %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Đang cài đặt %1.
ShutdownBlockReasonUninstallingApp=Đang gỡ cài đặt %1.

[CustomMessages]

NameAndVersion=%1 phiên bản %2
AdditionalIcons=Lối tắt bổ sung:
CreateDesktopIcon=Tạo lối tắt trên &màn hình nền
CreateQuickLaunchIcon=Tạo lối tắt &Khởi động nhanh
ProgramOnTheWeb=%1 trên web
UninstallProgram=Gỡ cài đặt %1
LaunchProgram=Mở %1
AssocFileExtension=&Liên kết %1 với phần mở rộng tệp %2
AssocingFileExtension=Đang liên kết %1 với phần mở rộng tệp %2...
AutoStartProgramGroupDescription=Khởi động cùng Windows:
AutoStartProgram=Tự động khởi động %1
AddonHostProgramNotFound=Không tìm thấy %1 trong thư mục bạn đã chọn.%n%nBạn vẫn muốn tiếp tục chứ?
